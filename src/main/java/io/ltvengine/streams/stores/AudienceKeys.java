package io.ltvengine.streams.stores;

/**
 * Keys of the audience index, {@code segment|tier|customer}, and of the segment counts, {@code
 * segment|tier|value tier} ({@code segment|tier} for customers counted before value tiers). Segment
 * and tier names hold no bar, so a customer id may hold any character, and in key order the
 * customers of a cell are in id order.
 */
public final class AudienceKeys {

  private static final char SEPARATOR = '|';

  private AudienceKeys() {}

  /** A cell of the segment counts; {@code valueTier} is null for customers not ranked yet. */
  public static String cell(String segment, String riskTier, String valueTier) {
    return valueTier == null ? segment + SEPARATOR + riskTier : segment + SEPARATOR + riskTier + SEPARATOR + valueTier;
  }

  public static String entry(String segment, String riskTier, String customerId) {
    return cellPrefix(segment, riskTier) + customerId;
  }

  /** Every entry of the cell starts with this. */
  public static String cellPrefix(String segment, String riskTier) {
    return segment + SEPARATOR + riskTier + SEPARATOR;
  }

  /** The customer of an index entry. */
  public static String customerOf(String entry) {
    return entry.substring(entry.indexOf(SEPARATOR, entry.indexOf(SEPARATOR) + 1) + 1);
  }

  /** The segment, risk tier and value tier (null if not ranked) of a counts key. */
  public static String[] cellOf(String cell) {
    String[] parts = cell.split("\\|", 3);
    return parts.length == 3 ? parts : new String[] {parts[0], parts[1], null};
  }
}
