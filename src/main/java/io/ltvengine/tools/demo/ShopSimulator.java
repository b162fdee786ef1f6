package io.ltvengine.tools.demo;

import static java.util.Comparator.comparing;

import io.ltvengine.tools.demo.ShopEvent.Kind;
import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A seeded, endless stream of a web shop's order events, in the order the shop sends them.
 *
 * <p>Customers arrive as a Poisson process and behave exactly as the BG/NBD and Gamma-Gamma models
 * assume, so the engine's predictions can be checked against the {@link #truth(String) truth}: each
 * has a purchase rate lambda and a dropout probability p drawn from the {@link
 * ShopParameters.BuyingPrior}, buys at once on arrival, then at Poisson rate lambda, and after each
 * repeat purchase never buys again with probability p. Around that clean story the shop adds what
 * real shops send: refunds and cancellations of earlier orders, re-sent duplicates and malformed
 * records.
 *
 * <p>The simulator is a discrete-event simulation: a queue of pending steps ordered by shop time,
 * each producing one event and scheduling the steps it causes. One seeded generator drives every
 * draw, so the same parameters always give the same stream.
 */
public final class ShopSimulator implements Iterator<ShopEvent> {

  private static final String CURRENCY = "EUR";
  private static final String SHOP_ID = "demo-shop";
  private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();
  /** Chance that a repeat purchase is in the category that brought the customer in. */
  private static final double FIRST_CATEGORY_LOYALTY = 0.6;
  private static final double FULL_REFUND_SHARE = 0.7;
  private static final Duration FAR_FUTURE = Duration.ofDays(3650);
  private static final Kind[] MALFORMED_KINDS = {
    Kind.RANDOM_BYTES, Kind.WRONG_MAGIC_BYTE, Kind.NEGATIVE_AMOUNT, Kind.MISSING_CUSTOMER_ID,
    Kind.FAR_FUTURE_TIMESTAMP
  };

  private static final SalesChannel[] CHANNELS = {
    SalesChannel.WEB, SalesChannel.MOBILE_APP, SalesChannel.MARKETPLACE, SalesChannel.SOCIAL,
    SalesChannel.PHONE, SalesChannel.STORE
  };
  private static final double[] CHANNEL_WEIGHTS = {0.50, 0.30, 0.10, 0.05, 0.03, 0.02};

  private final ShopParameters parameters;
  private final RandomDataGenerator random;
  private final GammaDistribution purchaseRatePrior;
  private final BetaDistribution dropoutPrior;
  private final GammaDistribution spendRatePrior;
  private final PriorityQueue<Pending> pending =
      new PriorityQueue<>(comparing(Pending::at).thenComparingLong(Pending::sequence));
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private long stepSequence;
  private long orderSequence;

  public ShopSimulator(ShopParameters parameters) {
    this.parameters = parameters;
    this.random = new RandomDataGenerator(parameters.seed());
    this.purchaseRatePrior = parameters.buying().purchaseRate();
    this.dropoutPrior = parameters.buying().dropout();
    this.spendRatePrior = parameters.spend().customerRate();
    schedule(parameters.start(), this::acquireCustomer);
  }

  /** Always true: the shop never closes. */
  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public ShopEvent next() {
    Pending step = pending.remove();
    return step.action().fire(step.at());
  }

  /** Shop time at which the next event will be sent. */
  public Instant nextSendAt() {
    return pending.element().at();
  }

  /** All events sent before {@code end}, continuing from the last event returned. */
  public List<ShopEvent> nextUntil(Instant end) {
    List<ShopEvent> events = new ArrayList<>();
    while (nextSendAt().isBefore(end)) {
      events.add(next());
    }
    return events;
  }

  /** The truth about a customer, as of the last event returned. */
  public Optional<CustomerTruth> truth(String customerId) {
    return Optional.ofNullable(customers.get(customerId)).map(Customer::truth);
  }

  /** The truth about every customer acquired so far, in order of acquisition. */
  public List<CustomerTruth> truths() {
    return customers.values().stream().map(Customer::truth).toList();
  }

  private ShopEvent acquireCustomer(Instant at) {
    Customer customer = newCustomer(at);
    customers.put(customer.id, customer);
    double daysToNext = random.nextExponential(1 / parameters.newCustomersPerDay());
    schedule(plusDays(at, daysToNext), this::acquireCustomer);
    return purchase(customer, at);
  }

  private Customer newCustomer(Instant at) {
    int firstCategory = random.nextSampleWithReplacement(1, ShopCategories.ACQUISITION_WEIGHTS)[0];
    double purchaseRate = random.nextDeviate(purchaseRatePrior);
    double dropoutProbability = random.nextDeviate(dropoutPrior);
    double spendRate = random.nextDeviate(spendRatePrior) / ShopCategories.ALL.get(firstCategory).spendFactor();
    return new Customer(
        "c-%06d".formatted(customers.size() + 1), at, firstCategory,
        new Habits(purchaseRate, dropoutProbability, parameters.spend().orderValue(spendRate)));
  }

  private ShopEvent purchase(Customer customer, Instant at) {
    Order order = newPurchase(customer, at);
    scheduleAftermath(order);
    boolean isRepeat = customer.purchases > 0;
    customer.purchases++;
    customer.lastPurchaseAt = at;
    if (isRepeat && random.nextDouble() < customer.dropoutProbability) {
      customer.droppedOutAt = at;
    } else {
      double daysToNext = random.nextExponential(1 / customer.purchaseRate);
      schedule(plusDays(at, daysToNext), next -> purchase(customer, next));
    }
    return new ShopEvent(Kind.PURCHASE, at, order);
  }

  private Order newPurchase(Customer customer, Instant at) {
    boolean loyal = customer.purchases == 0 || random.nextDouble() < FIRST_CATEGORY_LOYALTY;
    int category = loyal
        ? customer.firstCategory
        : random.nextSampleWithReplacement(1, ShopCategories.REPEAT_WEIGHTS)[0];
    long amount = Math.max(1, Math.round(random.nextDeviate(customer.orderValue)));
    long cost = Math.round(amount * random.nextUniform(0.45, 0.75));
    SalesChannel channel = CHANNELS[random.nextSampleWithReplacement(1, CHANNEL_WEIGHTS)[0]];
    return Order.newBuilder()
        .setOrderId(nextOrderId())
        .setCustomerId(customer.id)
        .setEventTime(at)
        .setType(OrderType.PURCHASE)
        .setAmountMinor(amount)
        .setCurrency(CURRENCY)
        .setCostMinor(cost)
        .setLineItems(lineItems(ShopCategories.ALL.get(category).name(), amount))
        .setChannel(channel)
        .setShopId(SHOP_ID)
        .build();
  }

  /** One to three lines of one category whose prices add up to the order amount exactly. */
  private List<LineItem> lineItems(String category, long amount) {
    int count = (int) Math.min(amount, 1 + random.nextInt(3));
    long unitPrice = amount / count;
    List<LineItem> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long price = i == count - 1 ? amount - unitPrice * (count - 1) : unitPrice;
      lines.add(new LineItem(category + "-" + (100 + random.nextInt(900)), category, 1, price));
    }
    return lines;
  }

  /** Decides, at purchase time, whether the order is later reversed, re-sent or mangled. */
  private void scheduleAftermath(Order purchase) {
    Instant at = purchase.getEventTime();
    ShopParameters.Noise noise = parameters.noise();
    double reversal = random.nextDouble();
    if (reversal < noise.cancellationRate()) {
      double delayDays = random.nextUniform(0.1, 6) / 24;
      schedule(plusDays(at, delayDays),
          when -> reversal(Kind.CANCELLATION, purchase, purchase.getAmountMinor(), when));
    } else if (reversal < noise.cancellationRate() + noise.refundRate()) {
      schedule(plusDays(at, random.nextUniform(2, 30)),
          when -> reversal(Kind.REFUND, purchase, refundAmount(purchase), when));
    }
    if (random.nextDouble() < noise.duplicateRate()) {
      schedule(plusDays(at, random.nextUniform(1, 600) / SECONDS_PER_DAY),
          when -> new ShopEvent(Kind.DUPLICATE, when, Order.newBuilder(purchase).build()));
    }
    if (random.nextDouble() < noise.malformedRate()) {
      schedule(plusDays(at, random.nextUniform(1, 3600) / SECONDS_PER_DAY),
          when -> malformed(purchase, when));
    }
  }

  private long refundAmount(Order purchase) {
    long full = purchase.getAmountMinor();
    return random.nextDouble() < FULL_REFUND_SHARE
        ? full
        : Math.max(1, Math.round(full * random.nextUniform(0.2, 0.8)));
  }

  private ShopEvent reversal(Kind kind, Order purchase, long amount, Instant at) {
    OrderType type = kind == Kind.REFUND ? OrderType.REFUND : OrderType.CANCELLATION;
    Order order = Order.newBuilder()
        .setOrderId(purchase.getOrderId())
        .setCustomerId(purchase.getCustomerId())
        .setEventTime(at)
        .setType(type)
        .setAmountMinor(amount)
        .setCurrency(CURRENCY)
        .setChannel(purchase.getChannel())
        .setEventId(type.name().toLowerCase() + "-" + purchase.getOrderId())
        .setShopId(SHOP_ID)
        .build();
    return new ShopEvent(kind, at, order);
  }

  /** A copy of a purchase under a new order id, broken in one of the ways real feeds break. */
  private ShopEvent malformed(Order purchase, Instant at) {
    Kind kind = MALFORMED_KINDS[random.nextInt(MALFORMED_KINDS.length)];
    Order.Builder order = Order.newBuilder(purchase).setOrderId(nextOrderId()).setEventTime(at);
    switch (kind) {
      case NEGATIVE_AMOUNT -> order.setAmountMinor(-purchase.getAmountMinor());
      case MISSING_CUSTOMER_ID -> order.setCustomerId("");
      case FAR_FUTURE_TIMESTAMP -> order.setEventTime(at.plus(FAR_FUTURE));
      default -> {
        // RANDOM_BYTES and WRONG_MAGIC_BYTE are broken by the producer, after serialization.
      }
    }
    return new ShopEvent(kind, at, order.build());
  }

  private String nextOrderId() {
    return "o-%08d".formatted(++orderSequence);
  }

  private void schedule(Instant at, Action action) {
    pending.add(new Pending(at, stepSequence++, action));
  }

  private static Instant plusDays(Instant at, double days) {
    return at.plusMillis(Math.round(days * Duration.ofDays(1).toMillis()));
  }

  @FunctionalInterface
  private interface Action {
    ShopEvent fire(Instant at);
  }

  /** A step due at a shop time; the sequence number breaks ties in scheduling order. */
  private record Pending(Instant at, long sequence, Action action) {}

  /** How a customer buys: purchases per day while alive, dropout after each repeat, order values. */
  private record Habits(double purchaseRate, double dropoutProbability, GammaDistribution orderValue) {}

  private static final class Customer {
    final String id;
    final Instant acquiredAt;
    final int firstCategory;
    final double purchaseRate;
    final double dropoutProbability;
    final GammaDistribution orderValue;
    int purchases;
    Instant lastPurchaseAt;
    Instant droppedOutAt;

    Customer(String id, Instant acquiredAt, int firstCategory, Habits habits) {
      this.id = id;
      this.acquiredAt = acquiredAt;
      this.firstCategory = firstCategory;
      this.purchaseRate = habits.purchaseRate();
      this.dropoutProbability = habits.dropoutProbability();
      this.orderValue = habits.orderValue();
    }

    CustomerTruth truth() {
      return new CustomerTruth(id, acquiredAt, ShopCategories.ALL.get(firstCategory).name(), purchaseRate,
          dropoutProbability, orderValue.getNumericalMean(), purchases, lastPurchaseAt,
          Optional.ofNullable(droppedOutAt));
    }
  }
}
