package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.valuation.AudienceMove;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's audiences: the index of its customers by segment and risk tier, which pages an
 * audience without reading the others, and the customers and net revenue per (segment, risk
 * tier) cell, which answer the segment counts without reading any customer. Both follow each
 * {@link AudienceMove}.
 */
public final class AudienceBook {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<String, byte[]> index;
  private final KeyValueStore<String, SegmentCount> counts;

  public AudienceBook(KeyValueStore<String, byte[]> index, KeyValueStore<String, SegmentCount> counts) {
    this.index = index;
    this.counts = counts;
  }

  public void apply(AudienceMove move) {
    AudienceMembership before = move.before();
    AudienceMembership after = move.after();
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
    SegmentCount count = counts.get(cell);
    long newCustomers = (count == null ? 0 : count.getCustomers()) + customers;
    long newRevenue = (count == null ? 0 : count.getNetRevenueMinor()) + netRevenueMinor;
    if (newCustomers == 0) {
      counts.delete(cell);
    } else {
      counts.put(cell, new SegmentCount(newCustomers, newRevenue));
    }
  }
}
