package io.ltvengine.tools.demo;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltvengine.tools.demo.ShopEvent.Kind;
import io.ltvengine.avro.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShopSimulatorTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant END = START.plus(Duration.ofDays(730));
  private static final ShopParameters PARAMETERS =
      ShopParameters.defaults(42, START).withNewCustomersPerDay(8);

  private static ShopSimulator simulator;
  private static List<ShopEvent> twoYears;

  @BeforeAll
  static void simulateTwoYears() {
    simulator = new ShopSimulator(PARAMETERS);
    twoYears = simulator.nextUntil(END);
  }

  @Test
  void shouldProduceTheSameStreamForTheSameSeed() {
    // Given two simulators with the same parameters, and one with another seed
    ShopSimulator again = new ShopSimulator(PARAMETERS);
    ShopSimulator otherSeed = new ShopSimulator(
        ShopParameters.defaults(43, START).withNewCustomersPerDay(8));

    // When both are run over the same span
    Instant end = START.plus(Duration.ofDays(90));
    List<ShopEvent> replay = again.nextUntil(end);

    // Then the replay is identical and the other seed is not
    assertThat(replay).isEqualTo(twoYears.subList(0, replay.size()));
    assertThat(twoYears.get(replay.size()).sendAt()).isAfterOrEqualTo(end);
    assertThat(otherSeed.nextUntil(end)).isNotEqualTo(replay);
  }

  @Test
  void shouldMatchTheBgNbdExpectationOfRepeatPurchases() {
    // Given every customer's hidden rate and dropout probability
    List<CustomerTruth> customers = simulator.truths();
    assertThat(customers).hasSizeGreaterThan(4000);

    // When the repeat purchases they made are counted from the stream
    Map<String, Long> purchases = twoYears.stream()
        .filter(event -> event.kind() == Kind.PURCHASE)
        .collect(groupingBy(event -> event.order().getCustomerId(), counting()));
    double observedRepeats = customers.stream()
        .mapToLong(customer -> purchases.get(customer.customerId()) - 1)
        .sum();

    // Then they are close to the sum of the BG/NBD individual expectations
    double expectedRepeats = customers.stream()
        .mapToDouble(customer ->
            customer.expectedRepeatPurchases(Duration.between(customer.acquiredAt(), END)))
        .sum();
    assertThat(observedRepeats / expectedRepeats).isCloseTo(1.0, within(0.05));
  }

  @Test
  void shouldKeepTruthConsistentWithTheStream() {
    // Given the purchases seen per customer
    Map<String, List<Instant>> purchaseTimes = new HashMap<>();
    twoYears.stream()
        .filter(event -> event.kind() == Kind.PURCHASE)
        .forEach(event -> purchaseTimes
            .computeIfAbsent(event.order().getCustomerId(), id -> new ArrayList<>())
            .add(event.order().getEventTime()));

    // Then the truth counts them, and a dropped-out customer's last purchase is the dropout time
    for (CustomerTruth customer : simulator.truths()) {
      List<Instant> times = purchaseTimes.get(customer.customerId());
      assertThat(times).hasSize(customer.purchases());
      assertThat(times.get(0)).isEqualTo(customer.acquiredAt());
      customer.droppedOutAt().ifPresent(dropout -> {
        assertThat(times.get(times.size() - 1)).isEqualTo(dropout);
        assertThat(customer.isAliveAt(dropout.plusMillis(1))).isFalse();
      });
    }
    assertThat(simulator.truths()).anyMatch(customer -> customer.droppedOutAt().isPresent());
    assertThat(simulator.truths()).anyMatch(customer -> customer.isAliveAt(END));
  }

  @Test
  void shouldReferenceAnEarlierPurchaseOfTheSameCustomerInRefundsAndCancellations() {
    // Given the purchases by order id
    Map<String, Order> purchases = new HashMap<>();
    twoYears.stream()
        .filter(event -> event.kind() == Kind.PURCHASE)
        .forEach(event -> purchases.put(event.order().getOrderId(), event.order()));

    // When looking at the reversals
    List<Order> reversals = twoYears.stream()
        .filter(event -> event.kind() == Kind.REFUND || event.kind() == Kind.CANCELLATION)
        .map(ShopEvent::order)
        .toList();

    // Then each reverses at most the full amount of an earlier purchase of the same customer
    assertThat(reversals).isNotEmpty();
    for (Order reversal : reversals) {
      Order original = purchases.get(reversal.getOrderId());
      assertThat(original).as("purchase reversed by %s", reversal).isNotNull();
      assertThat(reversal.getCustomerId()).isEqualTo(original.getCustomerId());
      assertThat(reversal.getEventTime()).isAfter(original.getEventTime());
      assertThat(reversal.getAmountMinor()).isBetween(1L, original.getAmountMinor());
    }
    double refundShare = count(Kind.REFUND) / (double) count(Kind.PURCHASE);
    assertThat(refundShare).isCloseTo(PARAMETERS.noise().refundRate(), within(0.01));
  }

  @Test
  void shouldResendDuplicatesAsExactCopiesOfAnEarlierPurchase() {
    // Given the purchases sent so far, in stream order
    Map<String, Order> sent = new HashMap<>();
    int duplicates = 0;
    for (ShopEvent event : twoYears) {
      if (event.kind() == Kind.PURCHASE) {
        sent.put(event.order().getOrderId(), event.order());
      } else if (event.kind() == Kind.DUPLICATE) {
        // Then each duplicate repeats one of them unchanged, including its order id and time
        assertThat(event.order()).isEqualTo(sent.get(event.order().getOrderId()));
        duplicates++;
      }
    }
    double duplicateShare = duplicates / (double) count(Kind.PURCHASE);
    assertThat(duplicateShare).isCloseTo(PARAMETERS.noise().duplicateRate(), within(0.005));
  }

  @Test
  void shouldSendCleanEventsInNondecreasingEventTime() {
    // Given the clean part of the stream
    List<ShopEvent> clean = twoYears.stream().filter(event -> event.kind().isClean()).toList();

    // Then each is sent at its event time, and event times never go back
    for (int i = 0; i < clean.size(); i++) {
      assertThat(clean.get(i).order().getEventTime()).isEqualTo(clean.get(i).sendAt());
      if (i > 0) {
        assertThat(clean.get(i).sendAt()).isAfterOrEqualTo(clean.get(i - 1).sendAt());
      }
    }
  }

  @Test
  void shouldMixInEveryKindOfMalformedRecord() {
    // Given the malformed records
    List<ShopEvent> malformed = twoYears.stream().filter(event -> event.kind().isMalformed()).toList();

    // Then every kind occurs and the record-level ones are broken as their kind says
    assertThat(malformed).extracting(ShopEvent::kind).containsAll(List.of(
        Kind.RANDOM_BYTES, Kind.WRONG_MAGIC_BYTE, Kind.NEGATIVE_AMOUNT, Kind.MISSING_CUSTOMER_ID,
        Kind.FAR_FUTURE_TIMESTAMP));
    for (ShopEvent event : malformed) {
      Order order = event.order();
      switch (event.kind()) {
        case NEGATIVE_AMOUNT -> assertThat(order.getAmountMinor()).isNegative();
        case MISSING_CUSTOMER_ID -> assertThat(event.key()).isNull();
        case FAR_FUTURE_TIMESTAMP ->
            assertThat(order.getEventTime()).isAfter(event.sendAt().plus(Duration.ofDays(365)));
        default -> assertThat(order.getAmountMinor()).isPositive();
      }
    }
  }

  private static long count(Kind kind) {
    return twoYears.stream().filter(event -> event.kind() == kind).count();
  }
}
