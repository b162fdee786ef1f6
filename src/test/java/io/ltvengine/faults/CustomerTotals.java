package io.ltvengine.faults;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.time.Instant;
import java.math.RoundingMode;
import java.math.BigDecimal;
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
 * engine code: each distinct event (order id, type, event id) counts once, whatever its timestamp;
 * purchases add an order, revenue and margin, refunds and cancellations take revenue and margin
 * away, and a cancellation the order too. USD amounts are converted at {@link ShopHistory#RATES}.
 * The first purchase, by event time, is the acquisition cohort.
 */
public record CustomerTotals(
    int orders,
    int refunds,
    long netRevenueMinor,
    long marginMinor,
    long firstPurchaseAt,
    long lastPurchaseAt,
    String acquisitionMonth,
    String topCategory) {

  private static final BigDecimal USD_TO_EUR = new BigDecimal("0.9");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  /** The totals of the latest LTV record, comparable with {@link #recompute}. */
  public static CustomerTotals of(CustomerLtv ltv) {
    return new CustomerTotals(ltv.getOrders(), ltv.getRefunds(), ltv.getNetRevenueMinor(),
        ltv.getMarginMinor() == null ? Long.MIN_VALUE : ltv.getMarginMinor(),
        ltv.getFirstPurchaseAt().toEpochMilli(), ltv.getLastPurchaseAt().toEpochMilli(),
        ltv.getAcquisitionMonth(), ltv.getTopCategory());
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
    long amount = eur(event.getAmountMinor(), event);
    long margin = event.getMarginMinor() == null ? 0 : eur(event.getMarginMinor(), event);
    return switch (event.getType()) {
      case PURCHASE -> new CustomerTotals(1, 0, amount, margin, at, at, MONTH.format(Instant.ofEpochMilli(at)),
          event.getLineItems().isEmpty() ? null : event.getLineItems().get(0).getCategory());
      case REFUND -> reversal(0, 1, -amount, -margin);
      case CANCELLATION -> reversal(-1, 0, -amount, -margin);
      default -> throw new IllegalArgumentException("not a valid event: " + event);
    };
  }

  private static CustomerTotals reversal(int orders, int refunds, long revenue, long margin) {
    return new CustomerTotals(orders, refunds, revenue, margin, Long.MAX_VALUE, Long.MIN_VALUE, null, null);
  }

  private static long eur(long minor, Order event) {
    if (!"USD".equals(event.getCurrency())) {
      return minor;
    }
    return BigDecimal.valueOf(minor).multiply(USD_TO_EUR).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private CustomerTotals plus(CustomerTotals other) {
    boolean otherFirst = other.firstPurchaseAt < firstPurchaseAt;
    return new CustomerTotals(orders + other.orders, refunds + other.refunds,
        netRevenueMinor + other.netRevenueMinor, marginMinor + other.marginMinor,
        Math.min(firstPurchaseAt, other.firstPurchaseAt), Math.max(lastPurchaseAt, other.lastPurchaseAt),
        otherFirst ? other.acquisitionMonth : acquisitionMonth,
        topCategory != null ? topCategory : other.topCategory);
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
