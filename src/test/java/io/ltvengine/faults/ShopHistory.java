package io.ltvengine.faults;

import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.testing.Orders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Valid order events of many customers over the last weeks, in the order a shop sends them:
 * purchases, partial refunds of earlier purchases (several refunds of one order differ by event
 * id) and resent duplicates. One customer in ten stops buying early on, so churn alerts fire.
 */
public final class ShopHistory {

  private static final Duration SPAN = Duration.ofDays(25);
  private static final double REFUND_SHARE = 0.08;
  private static final double DUPLICATE_SHARE = 0.05;
  private static final int DUPLICATE_LOOKBACK = 1000;
  private static final List<String> CATEGORIES = List.of("books", "garden", "toys", "music");

  private ShopHistory() {}

  /** {@code events} records in all, duplicates included, for {@code customers} customers. */
  public static List<Order> generate(int events, int customers, long seed) {
    Random random = new Random(seed);
    Instant start = Instant.now().minus(SPAN);
    long step = SPAN.toMillis() / events;
    Map<String, List<Order>> purchasesByCustomer = new HashMap<>();
    List<Order> history = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      Instant at = start.plusMillis(i * step);
      double dice = random.nextDouble();
      if (dice < DUPLICATE_SHARE && history.size() > 0) {
        history.add(history.get(history.size() - 1 - random.nextInt(Math.min(DUPLICATE_LOOKBACK, history.size()))));
        continue;
      }
      String customer = customer(random, customers, i < events * 2 / 5);
      List<Order> purchases = purchasesByCustomer.computeIfAbsent(customer, c -> new ArrayList<>());
      if (dice < DUPLICATE_SHARE + REFUND_SHARE && !purchases.isEmpty()) {
        history.add(refund(purchases.get(random.nextInt(purchases.size())), at, i, random));
      } else {
        Order purchase = purchase(customer, "o-" + i, at, 100 + random.nextInt(50_000));
        purchases.add(purchase);
        history.add(purchase);
      }
    }
    return history;
  }

  /** Customers c-0, c-10, c-20, ... buy only in the first two fifths of the span. */
  private static String customer(Random random, int customers, boolean early) {
    int index = random.nextInt(customers);
    if (!early && index % 10 == 0) {
      index = (index + 1) % customers;
    }
    return "c-" + index;
  }

  public static Order purchase(String customerId, String orderId, Instant at, long amountMinor) {
    LineItem line = LineItem.newBuilder()
        .setSku("sku-" + Math.floorMod(orderId.hashCode(), 100))
        .setCategory(CATEGORIES.get(Math.floorMod(customerId.hashCode(), CATEGORIES.size())))
        .setQuantity(1)
        .setUnitPriceMinor(amountMinor)
        .build();
    return Orders.purchase(customerId, orderId, at, amountMinor).setLineItems(List.of(line)).build();
  }

  private static Order refund(Order purchase, Instant at, int index, Random random) {
    return Order.newBuilder(purchase)
        .setType(OrderType.REFUND)
        .setEventTime(at)
        .setAmountMinor(1 + random.nextInt((int) purchase.getAmountMinor()))
        .setLineItems(List.of())
        .setEventId("r-" + index)
        .build();
  }
}
