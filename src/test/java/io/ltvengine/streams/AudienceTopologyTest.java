package io.ltvengine.streams;

import static io.ltvengine.streams.LtvTopologyFixture.START;
import static io.ltvengine.testing.Orders.purchase;
import static io.ltvengine.testing.Orders.refund;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.AudienceDimension;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.SegmentCell;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.streams.stores.AudienceKeys;
import io.ltvengine.streams.stores.PopulationRhythm;
import io.ltvengine.streams.stores.TaskSketch;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.SegmentSketch;
import io.ltvengine.valuation.ValueRanking;
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

/**
 * Audiences as the topology keeps them: change events, segment counts, the audience index and the
 * segment totals on ltv-segments.
 */
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

    // Then every move between segments and risk tiers was told once, LEFT before JOINED, with its reason
    List<AudienceChange> changes = fixture.audiences.readValuesToList();
    assertThat(changes).filteredOn(change -> change.getDimension() != AudienceDimension.VALUE_TIER)
        .extracting(AudienceTopologyTest::describe).containsExactly(
        "ORDER JOINED SEGMENT NEW", "ORDER JOINED RISK_TIER LOW",
        "ORDER LEFT SEGMENT NEW", "ORDER JOINED SEGMENT ACTIVE",
        "QUIET LEFT RISK_TIER LOW", "QUIET JOINED RISK_TIER MEDIUM",
        "CHURN_ALERT LEFT SEGMENT ACTIVE", "CHURN_ALERT JOINED SEGMENT LAPSED",
        "CHURN_ALERT LEFT RISK_TIER MEDIUM", "CHURN_ALERT JOINED RISK_TIER HIGH",
        "REACTIVATION LEFT SEGMENT LAPSED", "REACTIVATION JOINED SEGMENT REACTIVATED",
        "REACTIVATION LEFT RISK_TIER HIGH", "REACTIVATION JOINED RISK_TIER LOW");
  }

  @Test
  void shouldKeepSegmentCountsTheIndexAndTheTotalsEqualToARecomputationAfterOrdersAndAsTimePasses() {
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

    // When time passes, the counts, the index and the published totals are what valuing every
    // customer then gives, ranked by the thresholds of the task's sketch
    Duration elapsed = Duration.ZERO;
    Map<String, SegmentCell> totals = new TreeMap<>();
    TreeSet<String> cellsSeen = new TreeSet<>();
    for (int step = 0; step < 15; step++) {
      fixture.driver.advanceWallClockTime(Duration.ofDays(2));
      // one more walk ranks everyone by the sketch the last one built, one more flush sends the cells
      fixture.driver.advanceWallClockTime(Duration.ofSeconds(10));
      elapsed = elapsed.plusDays(2).plusSeconds(10);
      long now = START.plus(elapsed).toEpochMilli();
      Map<String, SegmentCount> expected = recompute(now);
      assertThat(counts()).as("segment counts after step %s", step).isEqualTo(expected);
      assertThat(indexedCells()).as("index after step %s", step).isEqualTo(recomputedIndex(now));
      fixture.segments.readKeyValuesToMap().forEach(totals::put);
      assertThat(published(totals)).as("ltv-segments after step %s", step).isEqualTo(expected);
      cellsSeen.addAll(expected.keySet());
    }

    // And customers went through the tiers on the way, so the comparison saw every kind of move
    assertThat(cellsSeen).contains("ACTIVE|LOW|rest", "ACTIVE|MEDIUM|rest", "LAPSED|HIGH|rest")
        .anyMatch(cell -> cell.endsWith("|top-1%")).anyMatch(cell -> cell.endsWith("|top-10%"));
  }

  @Test
  void shouldRankThreeOfThreeHundredCustomersInTheTopOnePercentByTheExactQuantileWhileTheSketchIsExact() {
    // Given 300 customers of distinct value
    for (int c = 1; c <= 300; c++) {
      fixture.send(purchase("c" + c, "c" + c + "-o", day(-1), 1_000L + c).build());
    }

    // When two walks go by
    fixture.driver.advanceWallClockTime(Duration.ofSeconds(1));
    fixture.driver.advanceWallClockTime(Duration.ofSeconds(1));

    // Then 1% and 10% of them are in the top tiers, the best ones
    Map<String, SegmentCount> counts = counts();
    assertThat(counts.get("NEW|LOW|top-1%").getCustomers()).isEqualTo(3);
    assertThat(counts.get("NEW|LOW|top-10%").getCustomers()).isEqualTo(27);
    KeyValueStore<String, CustomerState> customers = fixture.driver.getKeyValueStore(StoreNames.CUSTOMER_STATE);
    assertThat(customers.get("c300").getAudience().getValueTier()).isEqualTo("top-1%");
    assertThat(customers.get("c297").getAudience().getValueTier()).isEqualTo("top-10%");
  }

  private static String describe(AudienceChange change) {
    return change.getReason() + " " + change.getChange() + " " + change.getDimension() + " " + change.getAudience();
  }

  private Map<String, SegmentCount> counts() {
    KeyValueStore<String, SegmentCount> store = fixture.driver.getKeyValueStore(StoreNames.SEGMENT_COUNTS);
    Map<String, SegmentCount> counts = new TreeMap<>();
    try (KeyValueIterator<String, SegmentCount> all = store.all()) {
      all.forEachRemaining(entry -> {
        if (entry.value.getCustomers() > 0) {
          counts.put(entry.key, entry.value);
        }
      });
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

  /**
   * Every customer valued at the driver's clock, counted by segment, risk tier and the value tier
   * the task's sketch gives the value they were last judged at.
   */
  private Map<String, SegmentCount> recompute(long now) {
    KeyValueStore<String, SegmentDigest> sketches = fixture.driver.getKeyValueStore(StoreNames.SEGMENT_SKETCHES);
    ValueRanking ranking = SegmentSketch.of(sketches.get(TaskSketch.KEY)).ranking();
    KeyValueStore<String, CustomerState> customers = fixture.driver.getKeyValueStore(StoreNames.CUSTOMER_STATE);
    Map<String, SegmentCount> counts = new TreeMap<>();
    for (KeyValue<String, CustomerLtv> view : views(now)) {
      long valueMinor = customers.get(view.key).getAudience().getValueMinor();
      String cell = AudienceKeys.cell(
          view.value.getSegment().name(), view.value.getChurnRiskTier().name(), ranking.tierOf(valueMinor).label());
      SegmentCount count = counts.getOrDefault(cell, new SegmentCount(0L, 0L, 0L));
      counts.put(cell, new SegmentCount(count.getCustomers() + 1,
          count.getNetRevenueMinor() + view.value.getNetRevenueMinor(), count.getValueMinor() + valueMinor));
    }
    return counts;
  }

  /** The published totals as counts, without the cells that emptied. */
  private static Map<String, SegmentCount> published(Map<String, SegmentCell> totals) {
    Map<String, SegmentCount> counts = new TreeMap<>();
    totals.forEach((cell, total) -> {
      if (total.getCustomers() > 0) {
        counts.put(cell, new SegmentCount(total.getCustomers(), total.getNetRevenueMinor(), total.getValueMinor()));
      }
    });
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
