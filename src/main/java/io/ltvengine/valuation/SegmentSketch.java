package io.ltvengine.valuation;

import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.EXCLUSIVE;

import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.avro.state.TopCustomer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The distribution of a task's customers, or of several tasks' merged: quantile sketches (KLL) of
 * value, orders, net revenue and last purchase time, customers per RFM cell, and the customers of
 * highest value. A walk over the task's customers builds one; sketches merge without losing their
 * error bound, so the population's quintiles and value thresholds never need every customer.
 */
public final class SegmentSketch {

  /** Top customers kept per sketch. */
  public static final int TOP_CUSTOMERS = 10;
  /**
   * The value sketch ranks the top 1%, so it keeps more items than the others: its rank error
   * is about 0.3% of customers instead of 1.3%.
   */
  private static final int VALUE_K = 1000;
  private static final int K = 200;
  private static final Comparator<TopCustomer> BY_VALUE =
      Comparator.comparingLong(TopCustomer::getValueMinor).thenComparing(TopCustomer::getCustomerId);

  private final KllDoublesSketch value;
  private final KllDoublesSketch orders;
  private final KllDoublesSketch netRevenue;
  private final KllDoublesSketch lastPurchase;
  private final Map<String, Long> rfmCells;
  private final PriorityQueue<TopCustomer> top = new PriorityQueue<>(BY_VALUE);
  private long walkedAt;

  private SegmentSketch(KllDoublesSketch value, KllDoublesSketch orders, KllDoublesSketch netRevenue,
      KllDoublesSketch lastPurchase, Map<String, Long> rfmCells) {
    this.value = value;
    this.orders = orders;
    this.netRevenue = netRevenue;
    this.lastPurchase = lastPurchase;
    this.rfmCells = rfmCells;
  }

  public static SegmentSketch empty() {
    return new SegmentSketch(KllDoublesSketch.newHeapInstance(VALUE_K), KllDoublesSketch.newHeapInstance(K),
        KllDoublesSketch.newHeapInstance(K), KllDoublesSketch.newHeapInstance(K), new HashMap<>());
  }

  public static SegmentSketch of(SegmentDigest digest) {
    SegmentSketch sketch = new SegmentSketch(heapify(digest.getValue()), heapify(digest.getOrders()),
        heapify(digest.getNetRevenue()), heapify(digest.getLastPurchase()), new HashMap<>(digest.getRfmCells()));
    digest.getTopCustomers().forEach(sketch::offer);
    sketch.walkedAt = digest.getWalkedAt();
    return sketch;
  }

  /**
   * Adds a counted customer; their RFM cell is scored against {@code quintiles}, those of the walk
   * before, since this walk's are known only at its end.
   */
  public void add(String customerId, CustomerState state, Optional<RfmQuintiles> quintiles) {
    AudienceMembership counted = state.getAudience();
    int customerOrders = CustomerLedger.orders(state);
    value.update(counted.getValueMinor());
    orders.update(customerOrders);
    netRevenue.update(counted.getNetRevenueMinor());
    lastPurchase.update(state.getLastPurchaseAt());
    quintiles.ifPresent(q -> rfmCells.merge(
        q.cell(state.getLastPurchaseAt(), customerOrders, counted.getNetRevenueMinor()), 1L, Long::sum));
    offer(new TopCustomer(customerId, counted.getSegment(), counted.getRiskTier(), customerOrders,
        counted.getNetRevenueMinor(), counted.getValueMinor(), state.getLastPurchaseAt()));
  }

  /** Marks the walk that built this sketch as ended. */
  public SegmentSketch walked(long at) {
    walkedAt = at;
    return this;
  }

  /** Adds another task's sketch to this one; the result is as old as the older of the two. */
  public SegmentSketch merge(SegmentSketch other) {
    value.merge(other.value);
    orders.merge(other.orders);
    netRevenue.merge(other.netRevenue);
    lastPurchase.merge(other.lastPurchase);
    other.rfmCells.forEach((cell, customers) -> rfmCells.merge(cell, customers, Long::sum));
    other.top.forEach(this::offer);
    walkedAt = walkedAt == 0 ? other.walkedAt : Math.min(walkedAt, other.walkedAt);
    return this;
  }

  public long customers() {
    return value.getN();
  }

  public long walkedAt() {
    return walkedAt;
  }

  /** The value thresholds of the top 1% and top 10%; every customer is in the rest while empty. */
  public ValueRanking ranking() {
    return thresholds().<ValueRanking>map(thresholds -> thresholds).orElse(ValueRanking.UNRANKED);
  }

  public Optional<ValueThresholds> thresholds() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    // Exclusive: the lowest value with 99% of customers below it, so ties at the threshold rank in.
    return Optional.of(new ValueThresholds(value.getQuantile(0.99, EXCLUSIVE), value.getQuantile(0.90, EXCLUSIVE)));
  }

  /** The quintiles of this sketch's customers, once it has any. */
  public Optional<RfmQuintiles> quintiles() {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RfmQuintiles(lastPurchase.getQuantiles(RfmQuintiles.RANKS),
        orders.getQuantiles(RfmQuintiles.RANKS), netRevenue.getQuantiles(RfmQuintiles.RANKS)));
  }

  public Map<String, Long> rfmCells() {
    return Map.copyOf(rfmCells);
  }

  /** Highest value first. */
  public List<TopCustomer> topCustomers() {
    List<TopCustomer> customers = new ArrayList<>(top);
    customers.sort(BY_VALUE.reversed());
    return customers;
  }

  /**
   * What the sketch says, fixed: a sketch builds its sorted views on first read, so a sketch
   * several threads read is read through this.
   */
  public record Summary(
      long customers,
      long walkedAt,
      Optional<ValueThresholds> thresholds,
      Optional<RfmQuintiles> quintiles,
      Map<String, Long> rfmCells,
      List<TopCustomer> topCustomers) {}

  public Summary summary() {
    return new Summary(customers(), walkedAt, thresholds(), quintiles(), rfmCells(), topCustomers());
  }

  public SegmentDigest toDigest() {
    return new SegmentDigest(walkedAt, customers(), bytes(value), bytes(orders), bytes(netRevenue),
        bytes(lastPurchase), Map.copyOf(rfmCells), topCustomers());
  }

  private void offer(TopCustomer customer) {
    top.add(customer);
    if (top.size() > TOP_CUSTOMERS) {
      top.poll();
    }
  }

  private static ByteBuffer bytes(KllDoublesSketch sketch) {
    return ByteBuffer.wrap(sketch.toByteArray());
  }

  private static KllDoublesSketch heapify(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return KllDoublesSketch.heapify(Memory.wrap(copy));
  }
}
