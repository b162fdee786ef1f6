package io.ltvengine.tools.bench;

import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid purchases of a fixed set of customers, the same for every run with the same seed. Unlike
 * the demo shop there is no noise: every order is counted, so "done" is simply "all orders seen".
 */
final class BenchOrders {

  private static final String[] CATEGORIES = {"electronics", "fashion", "books", "home", "beauty"};
  private static final SalesChannel[] CHANNELS = SalesChannel.values();

  private final SplittableRandom random;
  private final int customers;
  private long sequence;

  BenchOrders(long seed, int customers) {
    this.random = new SplittableRandom(seed);
    this.customers = customers;
  }

  static String customerId(int index) {
    return "c-%07d".formatted(index);
  }

  /** A purchase by a random customer at {@code eventTime}. */
  Order next(Instant eventTime) {
    return purchaseBy(random.nextInt(customers), eventTime);
  }

  /** A purchase by customer {@code index} at {@code eventTime}. */
  Order purchaseBy(int index, Instant eventTime) {
    long amount = 500 + random.nextLong(20_000);
    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
    return Order.newBuilder()
        .setOrderId("o-%09d".formatted(++sequence))
        .setCustomerId(customerId(index))
        .setEventTime(eventTime)
        .setType(OrderType.PURCHASE)
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .setCostMinor(amount / 2)
        .setLineItems(List.of(new LineItem(category + "-" + random.nextInt(1000), category, 1, amount)))
        .setChannel(CHANNELS[random.nextInt(CHANNELS.length)])
        .setShopId("bench-shop")
        .build();
  }

  /**
   * Event time of order {@code index} of {@code total}, spread evenly over the {@code span} before
   * {@code end}. The span stays inside the dedup retention, so every order counts towards the state remembered.
   */
  static Instant spread(Instant end, Duration span, long index, long total) {
    return end.minus(span).plusMillis(span.toMillis() * index / total);
  }
}
