package io.ltvengine.streams;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.streams.stores.PopulationRhythm;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.EngineClock;
import io.ltvengine.testing.MutableClock;
import static io.ltvengine.streams.LtvTopologyFixture.START;
import static io.ltvengine.testing.Orders.cancellation;
import static io.ltvengine.testing.Orders.purchase;
import static io.ltvengine.testing.Orders.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.ChurnEventType;
import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LifecycleSegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LtvTopologyTest {

  private final LtvTopologyFixture fixture = new LtvTopologyFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Instant day(int n) {
    return START.plus(Duration.ofDays(n));
  }

  @Test
  void shouldEmitLtvUpdateWithHistoricalFiguresForEachPurchase() {
    fixture.send(purchase("c1", "o1", day(0), 5_000).setMarginMinor(1_500L).build());
    fixture.send(purchase("c1", "o2", day(10), 3_000).setMarginMinor(900L).build());

    List<CustomerLtv> updates = fixture.ltv.readValuesToList();

    assertThat(updates).hasSize(2);
    CustomerLtv latest = updates.get(1);
    assertThat(latest.getOrders()).isEqualTo(2);
    assertThat(latest.getNetRevenueMinor()).isEqualTo(8_000);
    assertThat(latest.getMarginMinor()).isEqualTo(2_400);
    assertThat(latest.getAverageOrderValue()).isEqualTo(40.0);
    assertThat(latest.getFirstPurchaseAt()).isEqualTo(day(0));
    assertThat(latest.getLastPurchaseAt()).isEqualTo(day(10));
    assertThat(latest.getTenureDays()).isEqualTo(10.0);
    assertThat(latest.getMeanGapDays()).isEqualTo(10.0);
    double perYear = 2 / (365 / 365.25);
    assertThat(latest.getPurchaseFrequencyPerYear()).isCloseTo(perYear, within(1e-9));
    assertThat(latest.getHistoricalLtv()).isCloseTo(40.0 * perYear / 0.3, within(1e-9));
    assertThat(latest.getAcquisitionMonth()).isEqualTo("2026-01");
    assertThat(latest.getFirstCategory()).isEqualTo("books");
    assertThat(latest.getPAlive()).as("no model published yet").isNull();
    assertThat(latest.getPredictedClv()).isNull();
  }

  @Test
  void shouldSubtractRefundsFromNetRevenue() {
    fixture.send(purchase("c1", "o1", day(0), 10_000).build());
    fixture.send(refund("c1", "o1", day(2), 4_000).build());

    CustomerLtv latest = lastLtv();

    assertThat(latest.getOrders()).isEqualTo(1);
    assertThat(latest.getRefunds()).isEqualTo(1);
    assertThat(latest.getGrossRevenueMinor()).isEqualTo(10_000);
    assertThat(latest.getRefundedMinor()).isEqualTo(4_000);
    assertThat(latest.getNetRevenueMinor()).isEqualTo(6_000);
  }

  @Test
  void shouldRemoveCancelledOrderFromCountAndRevenue() {
    fixture.send(purchase("c1", "o1", day(0), 10_000).build());
    fixture.send(purchase("c1", "o2", day(1), 2_000).build());
    fixture.send(cancellation("c1", "o2", day(1).plusSeconds(60), 2_000).build());

    CustomerLtv latest = lastLtv();

    assertThat(latest.getOrders()).isEqualTo(1);
    assertThat(latest.getNetRevenueMinor()).isEqualTo(10_000);
  }

  @Test
  void shouldKeepLastPurchaseWhenAnOlderOrderArrivesLate() {
    fixture.send(purchase("c1", "o2", day(20), 1_000).build());
    fixture.send(purchase("c1", "o1", day(5), 1_000).build());

    CustomerLtv latest = lastLtv();

    assertThat(latest.getLastPurchaseAt()).isEqualTo(day(20));
    assertThat(latest.getFirstPurchaseAt()).isEqualTo(day(5));
    assertThat(latest.getOrders()).isEqualTo(2);
    assertThat(latest.getMeanGapDays()).isEqualTo(15.0);
  }

  @Test
  void shouldSplitAGapWhenALateOrderFallsBetweenTwoPurchases() {
    fixture.send(purchase("c1", "o1", day(0), 1_000).build());
    fixture.send(purchase("c1", "o3", day(20), 1_000).build());
    fixture.send(purchase("c1", "o2", day(10), 1_000).build());

    CustomerLtv latest = lastLtv();

    assertThat(latest.getMeanGapDays()).isEqualTo(10.0);
    assertThat(latest.getGapStdDevDays()).isEqualTo(0.0);
  }

  @Test
  void shouldCountADuplicatedOrderOnce() {
    var order = purchase("c1", "o1", day(0), 2_500).build();
    fixture.send(order);
    fixture.send(order);
    fixture.send(purchase("c1", "o2", day(3), 500).build());

    List<CustomerLtv> updates = fixture.ltv.readValuesToList();

    assertThat(updates).hasSize(2);
    assertThat(updates.get(1).getOrders()).isEqualTo(2);
    assertThat(updates.get(1).getNetRevenueMinor()).isEqualTo(3_000);
  }

  @Test
  void shouldNetACancellationThatArrivesBeforeItsPurchase() {
    fixture.send(purchase("c1", "o0", day(0), 1_000).build());
    fixture.send(cancellation("c1", "o1", day(2), 2_500).build());
    fixture.send(purchase("c1", "o1", day(1), 2_500).build());

    CustomerLtv latest = lastLtv();
    assertThat(latest.getOrders()).as("orders after a purchase, and another cancelled before it arrived").isEqualTo(1);
    assertThat(latest.getNetRevenueMinor()).isEqualTo(1_000);
  }

  @Test
  void shouldCountAResendWithARestampedEventTimeOnce() {
    fixture.send(purchase("c1", "o1", day(0), 2_500).build());
    fixture.send(purchase("c1", "o1", day(0).plusSeconds(90), 2_500).build());

    assertThat(fixture.ltv.readValuesToList()).as("LTV updates for an order and its re-stamped resend").hasSize(1);
  }

  @Test
  void shouldRecogniseAResendOfALateEventOlderThanTheRetention() {
    // Given a customer whose latest event is 60 days after a late order, beyond the 30-day retention
    fixture.send(purchase("c1", "o2", day(60), 1_000).build());
    fixture.send(purchase("c1", "o1", day(0), 2_500).build());

    // When the late order is resent
    fixture.send(purchase("c1", "o1", day(0), 2_500).build());

    // Then it counts once
    assertThat(lastLtv().getOrders()).as("orders after a resend of a late order").isEqualTo(2);
  }

  @Test
  void shouldCountTwoRefundsOfOneOrderWhenTheyCarryDistinctEventIds() {
    fixture.send(purchase("c1", "o1", day(0), 10_000).build());
    fixture.send(refund("c1", "o1", day(1), 1_000).setEventId("r1").build());
    fixture.send(refund("c1", "o1", day(2), 2_000).setEventId("r2").build());
    fixture.send(refund("c1", "o1", day(2), 2_000).setEventId("r2").build());

    assertThat(lastLtv().getRefundedMinor()).isEqualTo(3_000);
  }

  @Test
  void shouldJudgeACustomerTheChurnCheckAlertedAsHighRiskInTheQueryViewAtTheSameMoment() {
    MutableClock clock = new MutableClock(LtvTopologyFixture.START);
    try (LtvTopologyFixture clocked = new LtvTopologyFixture(Map.of(), EngineClock.of(clock))) {
      // Given a customer who bought every ten days and went quiet until the churn check alerted them
      for (int i = 0; i < 3; i++) {
        clocked.send(purchase("c1", "c1-o" + i, day(10 * i), 1_000).build());
      }
      clock.advance(Duration.ofDays(41));
      clocked.driver.advanceWallClockTime(Duration.ofDays(41));
      ChurnAlert alert = clocked.alerts.readValue();

      // When the query side values them now
      KeyValueStore<String, CustomerState> customers = clocked.driver.getKeyValueStore(StoreNames.CUSTOMER_STATE);
      KeyValueStore<String, Long> population = clocked.driver.getKeyValueStore(StoreNames.POPULATION_RHYTHM);
      CustomerLtv view = clocked.valuation.view("c1", customers.get("c1"),
          new Judging(PopulationRhythm.readOnly(population, clocked.valuation.populationDefaults()), name -> null));

      // Then it judges them on the engine's clock, as the alert did
      assertThat(view.getAsOf()).as("moment of the query's judgment").isEqualTo(alert.getEmittedAt());
      assertThat(view.getChurnRiskTier()).as("risk tier of an alerted customer").isEqualTo(ChurnRiskTier.HIGH);
      assertThat(view.getSegment()).isEqualTo(LifecycleSegment.LAPSED);
    }
  }

  @Test
  void shouldEmitAlertOnceWhenCustomerGoesQuiet() {
    // Given a customer who buys every ten days
    buyEveryTenDays("c1", 3);

    // When they stay quiet past two gaps after the last purchase (day 20), and time keeps passing
    fixture.driver.advanceWallClockTime(Duration.ofDays(39));
    assertThat(fixture.alerts.isEmpty()).as("not yet quiet for two gaps").isTrue();
    fixture.driver.advanceWallClockTime(Duration.ofDays(2));
    fixture.driver.advanceWallClockTime(Duration.ofDays(30));
    fixture.driver.advanceWallClockTime(Duration.ofDays(30));

    // Then exactly one alert is raised, with what a retargeting tool needs
    List<ChurnAlert> alerts = fixture.alerts.readValuesToList();
    assertThat(alerts).hasSize(1);
    ChurnAlert alert = alerts.get(0);
    assertThat(alert.getType()).isEqualTo(ChurnEventType.CHURN_RISK);
    assertThat(alert.getCustomerId()).isEqualTo("c1");
    assertThat(alert.getRiskTier()).isEqualTo(ChurnRiskTier.HIGH);
    assertThat(alert.getExpectedGapDays()).isEqualTo(10.0);
    assertThat(alert.getDaysSinceLastPurchase()).isGreaterThanOrEqualTo(20.0);
    assertThat(alert.getNetRevenueMinor()).isEqualTo(3_000);
    assertThat(alert.getLastOrder().getOrderId()).isEqualTo("c1-o2");
    assertThat(alert.getAlertId()).isNotBlank();
  }

  @Test
  void shouldMarkCustomerLapsedInTheLtvTopicWhenTheAlertFires() {
    buyEveryTenDays("c1", 3);
    fixture.ltv.readValuesToList();

    fixture.driver.advanceWallClockTime(Duration.ofDays(41));

    CustomerLtv latest = lastLtv();
    assertThat(latest.getSegment()).isEqualTo(LifecycleSegment.LAPSED);
    assertThat(latest.getChurnRiskTier()).isEqualTo(ChurnRiskTier.HIGH);
  }

  @Test
  void shouldEmitReactivatedWithTheSameAlertIdWhenTheCustomerBuysAgain() {
    buyEveryTenDays("c1", 3);
    fixture.driver.advanceWallClockTime(Duration.ofDays(41));
    ChurnAlert alert = fixture.alerts.readValue();

    fixture.send(purchase("c1", "back", day(60), 4_000).build());

    ChurnAlert reactivated = fixture.alerts.readValue();
    assertThat(reactivated.getType()).isEqualTo(ChurnEventType.REACTIVATED);
    assertThat(reactivated.getAlertId()).isEqualTo(alert.getAlertId());
    assertThat(lastLtv().getSegment()).isEqualTo(LifecycleSegment.REACTIVATED);
  }

  @Test
  void shouldRaiseANewAlertForANewQuietEpisodeAfterReactivation() {
    buyEveryTenDays("c1", 3);
    fixture.driver.advanceWallClockTime(Duration.ofDays(41));
    fixture.send(purchase("c1", "back", day(60), 4_000).build());

    fixture.driver.advanceWallClockTime(Duration.ofDays(200));

    List<ChurnAlert> alerts = fixture.alerts.readValuesToList();
    assertThat(alerts).extracting(ChurnAlert::getType)
        .containsExactly(ChurnEventType.CHURN_RISK, ChurnEventType.REACTIVATED, ChurnEventType.CHURN_RISK);
    assertThat(alerts.get(2).getAlertId()).isNotEqualTo(alerts.get(0).getAlertId());
  }

  @Test
  void shouldNotAlertACustomerWhoKeepsBuyingOnRhythm() {
    buyEveryTenDays("c1", 3);

    fixture.driver.advanceWallClockTime(Duration.ofDays(30));
    fixture.send(purchase("c1", "o4", day(30), 1_000).build());
    fixture.driver.advanceWallClockTime(Duration.ofDays(15));

    assertThat(fixture.alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldLeaveTheChurnIndexAloneWhenAnOrderMovesTheCheckLater() {
    // Given a customer buying every ten days, with their check indexed
    buyEveryTenDays("c1", 3);
    List<Long> indexed = churnIndexTimes();

    // When they buy again on rhythm, which moves the day they could be quiet from to day 50
    fixture.send(purchase("c1", "c1-o3", day(30), 1_000).build());

    // Then the entry stays where it was; when it comes due early, it moves on without an alert
    assertThat(churnIndexTimes()).hasSize(1).isEqualTo(indexed);
    fixture.driver.advanceWallClockTime(Duration.ofDays(49));
    assertThat(fixture.alerts.isEmpty()).isTrue();
    assertThat(churnIndexTimes()).containsExactly(day(50).toEpochMilli());
    fixture.driver.advanceWallClockTime(Duration.ofDays(2));
    assertThat(fixture.alerts.readValuesToList()).extracting(ChurnAlert::getCustomerId).containsExactly("c1");
  }

  @Test
  void shouldHoldChurnChecksWhileWorkingThroughABacklogOfOldOrders() {
    // Given an engine whose clock is far past the orders it is now processing, as after an outage
    fixture.driver.advanceWallClockTime(Duration.ofDays(200));
    buyEveryTenDays("c1", 3);

    // When the check right after that backlog runs, then one with nothing new processed
    fixture.driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(fixture.alerts.isEmpty()).as("later orders may still be in the backlog").isTrue();
    fixture.driver.advanceWallClockTime(Duration.ofMinutes(1));

    // Then the customer, quiet for 180 days, is alerted once the backlog is through
    assertThat(fixture.alerts.readValuesToList()).extracting(ChurnAlert::getCustomerId).containsExactly("c1");
  }

  @Test
  void shouldJudgeAOneTimeBuyerByThePopulationRhythm() {
    // Given a one-time buyer and no population history: the default gap of 30 days applies
    fixture.send(purchase("c1", "o1", day(0), 1_000).build());

    // When 59 then 61 days pass
    fixture.driver.advanceWallClockTime(Duration.ofDays(59));
    assertThat(fixture.alerts.isEmpty()).isTrue();
    fixture.driver.advanceWallClockTime(Duration.ofDays(2));

    // Then the alert expects the population's gap
    ChurnAlert alert = fixture.alerts.readValue();
    assertThat(alert.getExpectedGapDays()).isEqualTo(30.0);
    assertThat(alert.getOrders()).isEqualTo(1);
  }

  @Test
  void shouldReplayHistoryInStreamTimeMode() {
    try (LtvTopologyFixture replay = new LtvTopologyFixture(Map.of("churn.time.mode", "stream-time"))) {
      // Given history where c1 goes quiet while c2 keeps buying
      for (int i = 0; i < 3; i++) {
        replay.send(purchase("c1", "a" + i, day(10 * i), 1_000).build());
      }
      // When c2's orders move stream time 80 days on
      for (int d = 30; d <= 100; d += 10) {
        replay.send(purchase("c2", "b" + d, day(d), 1_000).build());
      }

      // Then c1's alert fires in stream time, independent of the wall clock
      List<ChurnAlert> alerts = replay.alerts.readValuesToList();
      assertThat(alerts).extracting(ChurnAlert::getCustomerId).containsExactly("c1");
      assertThat(alerts.get(0).getEmittedAt()).isAfterOrEqualTo(day(40));
    }
  }

  private void buyEveryTenDays(String customerId, int purchases) {
    for (int i = 0; i < purchases; i++) {
      fixture.send(purchase(customerId, customerId + "-o" + i, day(10 * i), 1_000).build());
    }
  }

  private List<Long> churnIndexTimes() {
    KeyValueStore<Bytes, byte[]> index = fixture.driver.getKeyValueStore(StoreNames.CHURN_INDEX);
    List<Long> times = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> entries = index.all()) {
      entries.forEachRemaining(entry -> times.add(ByteBuffer.wrap(entry.key.get()).getLong()));
    }
    return times;
  }

  private CustomerLtv lastLtv() {
    List<CustomerLtv> updates = fixture.ltv.readValuesToList();
    assertThat(updates).isNotEmpty();
    return updates.get(updates.size() - 1);
  }
}
