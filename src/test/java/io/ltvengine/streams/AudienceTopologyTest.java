package io.ltvengine.streams;

import static io.ltvengine.streams.LtvTopologyFixture.START;
import static io.ltvengine.testing.Orders.purchase;
import static io.ltvengine.testing.Orders.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.streams.stores.AudienceKeys;
import io.ltvengine.streams.stores.PopulationRhythm;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.Judging;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Audiences as the topology keeps them: change events, segment counts and the audience index. */
class AudienceTopologyTest {

  /** Orders from before the driver's clock are history, not a backlog to hold checks for. */
  private final LtvTopologyFixture fixture =
      new LtvTopologyFixture(Map.of("churn.backlog.tolerance.minutes", String.valueOf(Integer.MAX_VALUE)));

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Instant day(double n) {
    return START.plus(Duration.ofMinutes(Math.round(n * 24 * 60)));
  }

  @Test
  void shouldTellEachAudienceChangeOfACustomerWhoGoesQuietAndComesBack() {
    // Given a customer who buys on days 0, 10 and 20: the rhythm rule calls them MEDIUM risk after
    // 10 quiet days and HIGH, with the alert, after 20
    for (int i = 0; i < 3; i++) {
      fixture.send(purchase("c1", "o" + i, day(10 * i), 1_000).build());
    }

    // When they stay quiet until day 41, then buy again on day 45
    fixture.driver.advanceWallClockTime(Duration.ofDays(35));
    fixture.driver.advanceWallClockTime(Duration.ofDays(6));
    fixture.send(purchase("c1", "back", day(45), 1_000).build());

    // Then every move was told once, LEFT before JOINED, with its reason
    assertThat(fixture.audiences.readValuesToList()).extracting(AudienceTopologyTest::describe).containsExactly(
        "ORDER JOINED SEGMENT NEW", "ORDER JOINED RISK_TIER LOW",
        "ORDER LEFT SEGMENT NEW", "ORDER JOINED SEGMENT ACTIVE",
        "QUIET LEFT RISK_TIER LOW", "QUIET JOINED RISK_TIER MEDIUM",
        "CHURN_ALERT LEFT SEGMENT ACTIVE", "CHURN_ALERT JOINED SEGMENT LAPSED",
        "CHURN_ALERT LEFT RISK_TIER MEDIUM", "CHURN_ALERT JOINED RISK_TIER HIGH",
        "REACTIVATION LEFT SEGMENT LAPSED", "REACTIVATION JOINED SEGMENT REACTIVATED",
        "REACTIVATION LEFT RISK_TIER HIGH", "REACTIVATION JOINED RISK_TIER LOW");
  }

  @Test
  void shouldKeepSegmentCountsAndTheIndexEqualToARecomputationAfterOrdersAndAsTimePasses() {
    // Given 300 customers with two to six purchases in the month before the clock's start, at their
    // own rhythms, some refunded soon after
    Random random = new Random(3);
    for (int c = 0; c < 300; c++) {
      String customer = "c" + c;
      double at = -25 + random.nextDouble() * 25;
      double gap = 1 + random.nextDouble() * 3;
      int purchases = 2 + random.nextInt(5);
      for (int p = 0; p < purchases; p++) {
        fixture.send(purchase(customer, customer + "-o" + p, day(Math.min(at, 0)), 500 + random.nextInt(20_000)).build());
        at += gap * (0.5 + random.nextDouble());
      }
      if (random.nextInt(5) == 0) {
        fixture.send(refund(customer, customer + "-o0", day(Math.min(at - gap * 0.4, 0)), 300).build());
      }
    }

    // When time passes, the counts and the index are what valuing every customer then gives
    Duration elapsed = Duration.ZERO;
    TreeSet<String> cellsSeen = new TreeSet<>();
    for (int step = 0; step < 15; step++) {
      elapsed = elapsed.plusDays(2);
      fixture.driver.advanceWallClockTime(Duration.ofDays(2));
      long now = START.plus(elapsed).toEpochMilli();
      assertThat(counts()).as("segment counts after %s", elapsed).isEqualTo(recompute(now));
      assertThat(indexedCells()).as("index after %s", elapsed).isEqualTo(recomputedIndex(now));
      cellsSeen.addAll(counts().keySet());
    }

    // And customers went through the tiers on the way, so the comparison saw every kind of move
    assertThat(cellsSeen).contains("ACTIVE|LOW", "ACTIVE|MEDIUM", "LAPSED|HIGH");
  }

  private static String describe(AudienceChange change) {
    return change.getReason() + " " + change.getChange() + " " + change.getDimension() + " " + change.getAudience();
  }

  private Map<String, SegmentCount> counts() {
    KeyValueStore<String, SegmentCount> store = fixture.driver.getKeyValueStore(StoreNames.SEGMENT_COUNTS);
    Map<String, SegmentCount> counts = new TreeMap<>();
    try (KeyValueIterator<String, SegmentCount> all = store.all()) {
      all.forEachRemaining(entry -> counts.put(entry.key, entry.value));
    }
    return counts;
  }

  private TreeSet<String> indexedCells() {
    KeyValueStore<String, byte[]> index = fixture.driver.getKeyValueStore(StoreNames.AUDIENCE_INDEX);
    TreeSet<String> entries = new TreeSet<>();
    try (KeyValueIterator<String, byte[]> all = index.all()) {
      all.forEachRemaining(entry -> entries.add(entry.key));
    }
    return entries;
  }

  /** Every customer valued at the driver's clock, counted by segment and risk tier. */
  private Map<String, SegmentCount> recompute(long now) {
    Map<String, SegmentCount> counts = new TreeMap<>();
    for (KeyValue<String, CustomerLtv> view : views(now)) {
      String cell = AudienceKeys.cell(view.value.getSegment().name(), view.value.getChurnRiskTier().name());
      SegmentCount count = counts.getOrDefault(cell, new SegmentCount(0L, 0L));
      counts.put(cell, new SegmentCount(count.getCustomers() + 1, count.getNetRevenueMinor() + view.value.getNetRevenueMinor()));
    }
    return counts;
  }

  private TreeSet<String> recomputedIndex(long now) {
    TreeSet<String> entries = new TreeSet<>();
    views(now).forEach(view -> entries.add(
        AudienceKeys.entry(view.value.getSegment().name(), view.value.getChurnRiskTier().name(), view.key)));
    return entries;
  }

  private List<KeyValue<String, CustomerLtv>> views(long now) {
    KeyValueStore<String, CustomerState> customers = fixture.driver.getKeyValueStore(StoreNames.CUSTOMER_STATE);
    KeyValueStore<String, Long> population = fixture.driver.getKeyValueStore(StoreNames.POPULATION_RHYTHM);
    Judging judging = new Judging(PopulationRhythm.readOnly(population, fixture.valuation.populationDefaults()), name -> null);
    List<KeyValue<String, CustomerLtv>> views = new ArrayList<>();
    try (KeyValueIterator<String, CustomerState> all = customers.all()) {
      all.forEachRemaining(entry -> {
        if (CustomerLedger.hasPurchased(entry.value)) {
          views.add(KeyValue.pair(entry.key, fixture.valuation.viewAt(entry.key, entry.value, judging, now)));
        }
      });
    }
    return views;
  }
}
