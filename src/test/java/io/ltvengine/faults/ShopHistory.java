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
 * purchases with margins, some in USD, some arriving late (their event time days before their
 * neighbours'); partial refunds and cancellations of earlier purchases (several refunds of one
 * order differ by event id); resent duplicates, some re-stamped with a later event time. One
 * customer in ten stops buying early on, so churn alerts fire. Engines reading it need
 * {@link #RATES} for the USD orders.
 */
public final class ShopHistory {

  /** The engine's {@code currency.rates} for these histories. */
  public static final String RATES = "USD:0.9";

  private static final Duration SPAN = Duration.ofDays(25);
  private static final double DUPLICATE_SHARE = 0.05;
  private static final double RESTAMPED_SHARE = 0.02;
  private static final double REFUND_SHARE = 0.08;
  private static final double CANCELLATION_SHARE = 0.02;
  private static final double LATE_SHARE = 0.03;
  private static final double USD_SHARE = 0.2;
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
      if (dice < DUPLICATE_SHARE + RESTAMPED_SHARE && !history.isEmpty()) {
        Order earlier = history.get(history.size() - 1 - random.nextInt(Math.min(DUPLICATE_LOOKBACK, history.size())));
        history.add(dice < DUPLICATE_SHARE ? earlier : restamped(earlier));
        continue;
      }
      dice -= DUPLICATE_SHARE + RESTAMPED_SHARE;
      String customer = customer(random, customers, i < events * 2 / 5);
      List<Order> purchases = purchasesByCustomer.computeIfAbsent(customer, c -> new ArrayList<>());
      if (dice < REFUND_SHARE + CANCELLATION_SHARE && !purchases.isEmpty()) {
        Order reversed = purchases.get(random.nextInt(purchases.size()));
        if (dice < REFUND_SHARE) {
          history.add(refund(reversed, at, i, random));
        } else {
          purchases.remove(reversed);
          history.add(cancellation(reversed, at, i));
        }
      } else {
        Instant placed = random.nextDouble() < LATE_SHARE ? at.minus(Duration.ofHours(1 + random.nextInt(72))) : at;
        Order purchase = purchase(customer, "o-" + i, placed, 100 + random.nextInt(50_000));
        if (random.nextDouble() < USD_SHARE) {
          purchase.setCurrency("USD");
        }
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

  /** A purchase with a margin of 30%, in EUR. */
  public static Order purchase(String customerId, String orderId, Instant at, long amountMinor) {
    LineItem line = LineItem.newBuilder()
        .setSku("sku-" + Math.floorMod(orderId.hashCode(), 100))
        .setCategory(CATEGORIES.get(Math.floorMod(customerId.hashCode(), CATEGORIES.size())))
        .setQuantity(1)
        .setUnitPriceMinor(amountMinor)
        .build();
    return Orders.purchase(customerId, orderId, at, amountMinor)
        .setMarginMinor(amountMinor * 3 / 10)
        .setLineItems(List.of(line))
        .build();
  }

  /** The same event sent again a minute and a half later, stamped anew: still the same event. */
  private static Order restamped(Order event) {
    return Order.newBuilder(event).setEventTime(event.getEventTime().plusSeconds(90)).build();
  }

  private static Order refund(Order purchase, Instant at, int index, Random random) {
    long amount = 1 + random.nextInt((int) purchase.getAmountMinor());
    return Order.newBuilder(purchase)
        .setType(OrderType.REFUND)
        .setEventTime(at)
        .setAmountMinor(amount)
        .setMarginMinor(amount * 3 / 10)
        .setLineItems(List.of())
        .setEventId("r-" + index)
        .build();
  }

  private static Order cancellation(Order purchase, Instant at, int index) {
    return Order.newBuilder(purchase)
        .setType(OrderType.CANCELLATION)
        .setEventTime(at)
        .setLineItems(List.of())
        .setEventId("x-" + index)
        .build();
  }
}
