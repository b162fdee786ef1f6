package io.ltvengine.streams;

import io.ltvengine.config.LtvConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.CohortCell;
import io.ltvengine.testing.Orders;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CohortTopologyTest {

  private static final Instant JAN = Instant.parse("2026-01-10T10:00:00Z");
  private static final Instant JAN_LATER = Instant.parse("2026-01-20T10:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-05T10:00:00Z");

  private final LtvTopologyFixture fixture = new LtvTopologyFixture();
  private final TestOutputTopic<String, CohortCell> cohorts =
      fixture.driver.createOutputTopic(
          fixture.topics.cohorts().name(),
          fixture.topics.cohorts().keySerde().deserializer(),
          fixture.topics.cohorts().valueSerde().deserializer());

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void shouldCountAcquiredCustomersAndRevenueInTheMonthOfAcquisition() {
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());
    fixture.send(Orders.purchase("bob", "b1", JAN_LATER, 30_00).build());

    CohortCell january = cell("2026-01|0");

    assertThat(january.getAcquiredCustomers()).isEqualTo(2);
    assertThat(january.getActiveCustomers()).isEqualTo(2);
    assertThat(january.getRevenueMinor()).isEqualTo(40_00);
    assertThat(january.getCurrency()).isEqualTo("EUR");
  }

  @Test
  void shouldCountARepeatPurchaseInTheCellOfItsMonthSinceAcquisition() {
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());
    fixture.send(Orders.purchase("alice", "a2", MAR, 25_00).build());

    CohortCell march = cell("2026-01|2");

    assertThat(march.getAcquiredCustomers()).isZero();
    assertThat(march.getActiveCustomers()).isEqualTo(1);
    assertThat(march.getRevenueMinor()).isEqualTo(25_00);
  }

  @Test
  void shouldCountACustomerActiveOnceAMonthHoweverOftenTheyBuy() {
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());
    fixture.send(Orders.purchase("alice", "a2", JAN_LATER, 5_00).build());

    CohortCell january = cell("2026-01|0");

    assertThat(january.getAcquiredCustomers()).isEqualTo(1);
    assertThat(january.getActiveCustomers()).isEqualTo(1);
    assertThat(january.getRevenueMinor()).isEqualTo(15_00);
  }

  @Test
  void shouldSubtractARefundFromTheRevenueOfTheMonthItHappens() {
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());
    fixture.send(Orders.refund("alice", "a1", MAR, 4_00).build());

    CohortCell march = cell("2026-01|2");

    assertThat(march.getRevenueMinor()).isEqualTo(-4_00);
    assertThat(march.getActiveCustomers()).isZero();
  }

  @Test
  void shouldMoveACustomerToAnEarlierCohortWhenAnOlderPurchaseArrivesLate() {
    fixture.send(Orders.purchase("alice", "a2", MAR, 25_00).build());
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());

    assertThat(cell("2026-03|0").getAcquiredCustomers()).isZero();
    assertThat(cell("2026-01|0").getAcquiredCustomers()).isEqualTo(1);
  }

  @Test
  void shouldAggregateCohortsByFirstPurchaseCategoryToo() {
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());
    fixture.send(Orders.purchase("alice", "a2", MAR, 25_00).build());

    assertThat(cell("category:books|0").getAcquiredCustomers()).isEqualTo(1);
    assertThat(cell("category:books|2").getRevenueMinor()).isEqualTo(25_00);
  }

  @Test
  void shouldPublishEveryUpdatedCellToTheCohortsTopic() {
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());
    fixture.send(Orders.purchase("bob", "b1", JAN_LATER, 30_00).build());

    flushCohorts();
    Map<String, CohortCell> latest = cohorts.readKeyValuesToMap();

    assertThat(latest).containsOnlyKeys("2026-01|0", "category:books|0");
    assertThat(latest.get("2026-01|0").getAcquiredCustomers()).isEqualTo(2);
  }

  @Test
  void shouldSendEachTouchedCellOncePerFlushNotOncePerOrder() {
    for (int i = 0; i < 10; i++) {
      fixture.send(Orders.purchase("c" + i, "o" + i, JAN, 10_00).build());
    }

    flushCohorts();

    assertThat(cohorts.readRecordsToList()).hasSize(2);
    assertThat(cell("2026-01|0").getAcquiredCustomers()).isEqualTo(10);
  }

  @Test
  void shouldHoldCohortChangesUntilTheTaskFlushesThem() {
    fixture.send(Orders.purchase("alice", "a1", JAN, 10_00).build());

    assertThat(cohorts.isEmpty()).isTrue();
    flushCohorts();
    assertThat(cohorts.isEmpty()).isFalse();
  }

  private void flushCohorts() {
    fixture.driver.advanceWallClockTime(
        fixture.config.seconds(LtvConfig.COHORT_FLUSH_INTERVAL));
  }

  private CohortCell cell(String key) {
    flushCohorts();
    KeyValueStore<String, CohortCell> store = fixture.driver.getKeyValueStore(StoreNames.COHORT_AGGREGATES);
    return store.get(key);
  }
}
