package io.ltvengine.faults;

import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a customer's latest LTV record must say, recomputed here from the events sent, without
 * engine code: each distinct event (order id, type, event id) counts once; purchases add an
 * order and revenue, refunds and cancellations take revenue away.
 */
public record CustomerTotals(
    int orders, int refunds, long netRevenueMinor, long firstPurchaseAt, long lastPurchaseAt) {

  /** The totals of the latest LTV record, comparable with {@link #recompute}. */
  public static CustomerTotals of(CustomerLtv ltv) {
    return new CustomerTotals(ltv.getOrders(), ltv.getRefunds(), ltv.getNetRevenueMinor(),
        ltv.getFirstPurchaseAt().toEpochMilli(), ltv.getLastPurchaseAt().toEpochMilli());
  }

  /** Totals per customer who made at least one purchase. */
  public static Map<String, CustomerTotals> recompute(Iterable<Order> events) {
    Set<String> seen = new HashSet<>();
    Map<String, CustomerTotals> totals = new HashMap<>();
    for (Order event : events) {
      if (seen.add(event.getOrderId() + '|' + event.getType() + '|' + event.getEventId())) {
        totals.merge(event.getCustomerId(), single(event), CustomerTotals::plus);
      }
    }
    totals.values().removeIf(t -> t.firstPurchaseAt == Long.MAX_VALUE);
    return totals;
  }

  private static CustomerTotals single(Order event) {
    long at = event.getEventTime().toEpochMilli();
    long amount = event.getAmountMinor();
    return switch (event.getType()) {
      case PURCHASE -> new CustomerTotals(1, 0, amount, at, at);
      case REFUND -> new CustomerTotals(0, 1, -amount, Long.MAX_VALUE, Long.MIN_VALUE);
      case CANCELLATION -> new CustomerTotals(-1, 0, -amount, Long.MAX_VALUE, Long.MIN_VALUE);
      default -> throw new IllegalArgumentException("not a valid event: " + event);
    };
  }

  private CustomerTotals plus(CustomerTotals other) {
    return new CustomerTotals(orders + other.orders, refunds + other.refunds,
        netRevenueMinor + other.netRevenueMinor, Math.min(firstPurchaseAt, other.firstPurchaseAt),
        Math.max(lastPurchaseAt, other.lastPurchaseAt));
  }

  /** Up to {@code limit} descriptions of customers whose actual totals differ from the expected. */
  public static List<String> differences(
      Map<String, CustomerTotals> expected, Map<String, CustomerTotals> actual, int limit) {
    List<String> differences = new ArrayList<>();
    Set<String> customers = new HashSet<>(expected.keySet());
    customers.addAll(actual.keySet());
    List<String> differing =
        customers.stream().filter(c -> !Objects.equals(expected.get(c), actual.get(c))).sorted().toList();
    differing.stream()
        .limit(limit)
        .forEach(c -> differences.add(c + ": expected " + expected.get(c) + " but was " + actual.get(c)));
    if (differing.size() > limit) {
      differences.add("... " + differing.size() + " customers differ in all");
    }
    return differences;
  }
}
