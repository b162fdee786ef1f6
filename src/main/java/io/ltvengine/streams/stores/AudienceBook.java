package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.valuation.AudienceMove;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's audiences: the index of its customers by segment and risk tier, which pages an
 * audience without reading the others, and the customers, net revenue and value per (segment,
 * risk tier, value tier) cell, which answer the segment counts without reading any customer. Both
 * follow each {@link AudienceMove}.
 *
 * <p>Every order moves some cell's value, so the cells are mirrored on the heap, read back from
 * the store when the task starts: an order then encodes its cell once and decodes none. A cell
 * that empties stays, at zero, so that the totals across tasks hear that it emptied (the cells
 * are a few dozen at most).
 */
public final class AudienceBook {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<String, byte[]> index;
  private final KeyValueStore<String, SegmentCount> counts;
  private final Map<String, SegmentCount> cells = new HashMap<>();
  /** Cells changed since the totals last heard of them; every cell after a start. */
  private final Set<String> unsent = new LinkedHashSet<>();
  private long moves;

  public AudienceBook(KeyValueStore<String, byte[]> index, KeyValueStore<String, SegmentCount> counts) {
    this.index = index;
    this.counts = counts;
    try (KeyValueIterator<String, SegmentCount> all = counts.all()) {
      all.forEachRemaining(entry -> cells.put(entry.key, entry.value));
    }
    unsent.addAll(cells.keySet());
  }

  /**
   * Most orders change a customer's value and not their audiences: then only their cell's value
   * moves, and the index, a store every change of which reaches its changelog, is left alone.
   */
  public void apply(AudienceMove move) {
    moves++;
    AudienceMembership before = move.before();
    AudienceMembership after = move.after();
    if (before != null && after != null && cell(before).equals(cell(after))) {
      add(cell(after), 0, after.getNetRevenueMinor() - before.getNetRevenueMinor(),
          after.getValueMinor() - before.getValueMinor());
      return;
    }
    if (before != null) {
      add(cell(before), -1, -before.getNetRevenueMinor(), -before.getValueMinor());
    }
    if (after != null) {
      add(cell(after), 1, after.getNetRevenueMinor(), after.getValueMinor());
    }
    if (before == null || after == null || !sameIndexEntry(before, after)) {
      if (before != null) {
        index.delete(AudienceKeys.entry(before.getSegment(), before.getRiskTier(), move.customerId()));
      }
      if (after != null) {
        index.put(AudienceKeys.entry(after.getSegment(), after.getRiskTier(), move.customerId()), PRESENT);
      }
    }
  }

  /** How many moves this book has followed since the task started: a walk that saw none need not be repeated. */
  public long moves() {
    return moves;
  }

  /** Hands each cell changed since the last call to {@code send}, with its count now. */
  public void sendChanged(BiConsumer<String, SegmentCount> send) {
    unsent.forEach(cell -> send.accept(cell, cells.get(cell)));
    unsent.clear();
  }

  private static boolean sameIndexEntry(AudienceMembership before, AudienceMembership after) {
    return before.getSegment().equals(after.getSegment()) && before.getRiskTier().equals(after.getRiskTier());
  }

  private static String cell(AudienceMembership membership) {
    return AudienceKeys.cell(membership.getSegment(), membership.getRiskTier(), membership.getValueTier());
  }

  private void add(String cell, long customers, long netRevenueMinor, long valueMinor) {
    SegmentCount count = cells.get(cell);
    SegmentCount updated = count == null
        ? new SegmentCount(customers, netRevenueMinor, valueMinor)
        : new SegmentCount(count.getCustomers() + customers, count.getNetRevenueMinor() + netRevenueMinor,
            count.getValueMinor() + valueMinor);
    cells.put(cell, updated);
    counts.put(cell, updated);
    unsent.add(cell);
  }
}
