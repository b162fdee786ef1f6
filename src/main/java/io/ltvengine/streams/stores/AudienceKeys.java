package io.ltvengine.streams.stores;

/**
 * Keys of the audience index, {@code segment|tier|customer}, and of the segment counts, {@code
 * segment|tier}. Segment and tier names are enum symbols without a bar, so a customer id may hold
 * any character, and in key order the customers of a cell are in id order.
 */
public final class AudienceKeys {

  private static final char SEPARATOR = '|';

  private AudienceKeys() {}

  public static String cell(String segment, String riskTier) {
    return segment + SEPARATOR + riskTier;
  }

  public static String entry(String segment, String riskTier, String customerId) {
    return cellPrefix(segment, riskTier) + customerId;
  }

  /** Every entry of the cell starts with this. */
  public static String cellPrefix(String segment, String riskTier) {
    return cell(segment, riskTier) + SEPARATOR;
  }

  /** The customer of an index entry. */
  public static String customerOf(String entry) {
    return entry.substring(entry.indexOf(SEPARATOR, entry.indexOf(SEPARATOR) + 1) + 1);
  }

  /** The segment and tier of a counts key. */
  public static String[] cellOf(String cell) {
    return cell.split("\\|", 2);
  }
}
