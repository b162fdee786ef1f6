package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.valuation.AudienceMove;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's audiences: the index of its customers by segment and risk tier, which pages an
 * audience without reading the others, and the customers and net revenue per (segment, risk
 * tier) cell, which answer the segment counts without reading any customer. Both follow each
 * {@link AudienceMove}.
 *
 * <p>Every order moves some cell's revenue, so the cells are mirrored on the heap, read back from
 * the store when the task starts: an order then encodes its cell once and decodes none.
 */
public final class AudienceBook {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<String, byte[]> index;
  private final KeyValueStore<String, SegmentCount> counts;
  private final Map<String, SegmentCount> cells = new HashMap<>();

  public AudienceBook(KeyValueStore<String, byte[]> index, KeyValueStore<String, SegmentCount> counts) {
    this.index = index;
    this.counts = counts;
    try (KeyValueIterator<String, SegmentCount> all = counts.all()) {
      all.forEachRemaining(entry -> cells.put(entry.key, entry.value));
    }
  }

  /**
   * Most orders change a customer's value and not their audiences: then only their cell's revenue
   * moves, and the index, a store every change of which reaches its changelog, is left alone.
   */
  public void apply(AudienceMove move) {
    AudienceMembership before = move.before();
    AudienceMembership after = move.after();
    if (before != null && after != null
        && before.getSegment().equals(after.getSegment()) && before.getRiskTier().equals(after.getRiskTier())) {
      add(AudienceKeys.cell(after.getSegment(), after.getRiskTier()), 0,
          after.getNetRevenueMinor() - before.getNetRevenueMinor());
      return;
    }
    if (before != null) {
      index.delete(AudienceKeys.entry(before.getSegment(), before.getRiskTier(), move.customerId()));
      add(AudienceKeys.cell(before.getSegment(), before.getRiskTier()), -1, -before.getNetRevenueMinor());
    }
    if (after != null) {
      index.put(AudienceKeys.entry(after.getSegment(), after.getRiskTier(), move.customerId()), PRESENT);
      add(AudienceKeys.cell(after.getSegment(), after.getRiskTier()), 1, after.getNetRevenueMinor());
    }
  }

  private void add(String cell, long customers, long netRevenueMinor) {
    SegmentCount count = cells.get(cell);
    long newCustomers = (count == null ? 0 : count.getCustomers()) + customers;
    long newRevenue = (count == null ? 0 : count.getNetRevenueMinor()) + netRevenueMinor;
    if (newCustomers == 0) {
      cells.remove(cell);
      counts.delete(cell);
    } else {
      SegmentCount updated = new SegmentCount(newCustomers, newRevenue);
      cells.put(cell, updated);
      counts.put(cell, updated);
    }
  }
}
