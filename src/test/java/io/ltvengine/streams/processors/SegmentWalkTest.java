package io.ltvengine.streams.processors;

import static io.ltvengine.streams.processors.ProcessorHarness.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.AudienceChangeReason;
import io.ltvengine.avro.AudienceDimension;
import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.avro.state.SegmentShare;
import io.ltvengine.streams.stores.TaskSketch;
import io.ltvengine.testing.Orders;
import io.ltvengine.valuation.SegmentSketch;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.junit.jupiter.api.Test;

class SegmentWalkTest {

  private ProcessorHarness harness = new ProcessorHarness(Map.of());

  /** Customer i bought once on day 0 for i euros. */
  private void customers(int count) {
    for (int i = 1; i <= count; i++) {
      harness.process(Orders.purchase("c-" + i, "c-" + i + "-o1", day(0), i * 100L).build());
    }
  }

  @Test
  void shouldRankTheTopOnePercentAndTopTenPercentOnceAWalkHasSketchedEveryone() {
    // Given 200 customers, all in the rest while no walk has ranked them
    customers(200);
    assertThat(harness.customers.get("c-200").getAudience().getValueTier()).isEqualTo("rest");
    harness.forget();

    // When one walk sketches them and the next ranks them against what it found
    harness.walkAt(day(1));
    assertThat(harness.forwarded("audiences")).as("moves during the first walk").isEmpty();
    harness.walkAt(day(1));

    // Then the two best are the top 1% and the next eighteen the rest of the top 10%, told as moves
    assertThat(tierOf("c-200")).isEqualTo("top-1%");
    assertThat(tierOf("c-199")).isEqualTo("top-1%");
    assertThat(tierOf("c-198")).isEqualTo("top-10%");
    assertThat(tierOf("c-181")).isEqualTo("top-10%");
    assertThat(tierOf("c-180")).isEqualTo("rest");
    List<AudienceChange> moves = changes();
    assertThat(moves).hasSize(2 * 20)
        .allSatisfy(change -> assertThat(change.getReason()).isEqualTo(AudienceChangeReason.RANKED))
        .allSatisfy(change -> assertThat(change.getDimension()).isEqualTo(AudienceDimension.VALUE_TIER));
    assertThat(harness.segmentCounts.get("NEW|LOW|top-1%").getCustomers()).isEqualTo(2);
    assertThat(harness.segmentCounts.get("NEW|LOW|top-10%").getCustomers()).isEqualTo(18);
    assertThat(harness.segmentCounts.get("NEW|LOW|rest").getCustomers()).isEqualTo(180);

    // And the sketch is kept for the task's next start, its top customers first by value
    SegmentSketch kept = SegmentSketch.of(harness.sketches.get(TaskSketch.KEY));
    assertThat(kept.customers()).isEqualTo(200);
    assertThat(kept.topCustomers()).hasSize(SegmentSketch.TOP_CUSTOMERS);
    assertThat(kept.topCustomers().get(0).getCustomerId()).isEqualTo("c-200");
  }

  @Test
  void shouldRankANewCustomerByTheKeptSketchAtOnceAfterARestart() {
    // Given 200 customers a walk has sketched
    customers(200);
    harness.walkAt(day(1));

    // When the task restarts and, before any walk, a customer buys more than any of them
    harness.restart();
    harness.process(Orders.purchase("big", "big-o1", day(2), 500_00).build());

    // Then they are in the top 1% by the thresholds the kept sketch gives
    assertThat(tierOf("big")).isEqualTo("top-1%");
  }

  @Test
  void shouldWalkAnIdleTaskNoMoreOnceItsRankingHolds() {
    // Given customers walked until a walk moved no one and kept the ranking
    customers(200);
    harness.walkAt(day(1));
    harness.walkAt(day(1));
    harness.walkAt(day(1));
    long settled = harness.sketches.get(TaskSketch.KEY).getWalkedAt();

    // When more walks come while nobody orders
    harness.walkAt(day(2));
    harness.walkAt(day(3));

    // Then none of them rewrote the sketch, until an order moves someone
    assertThat(harness.sketches.get(TaskSketch.KEY).getWalkedAt()).isEqualTo(settled);
    harness.process(Orders.purchase("c-1", "c-1-o2", day(3), 100).build());
    harness.walkAt(day(4));
    assertThat(harness.sketches.get(TaskSketch.KEY).getWalkedAt()).isEqualTo(day(4).toEpochMilli());
  }

  @Test
  void shouldScoreRfmCellsAgainstTheQuintilesOfTheWalkBefore() {
    // Given 10 customers; customer i bought i times, for i euros each, the last on day i
    for (int i = 1; i <= 10; i++) {
      for (int p = 0; p < i; p++) {
        harness.process(Orders.purchase("c-" + i, "c-" + i + "-o" + p, day(i - p * 0.01), 100).build());
      }
    }

    // When two walks go by
    harness.walkAt(day(11));
    assertThat(SegmentSketch.of(harness.sketches.get(TaskSketch.KEY)).rfmCells()).as("cells of the first walk").isEmpty();
    harness.walkAt(day(11));

    // Then the most recent, most frequent, highest spenders score 555, two per quintile
    Map<String, Long> cells = SegmentSketch.of(harness.sketches.get(TaskSketch.KEY)).rfmCells();
    assertThat(cells).containsOnly(
        Map.entry("111", 2L), Map.entry("222", 2L), Map.entry("333", 2L), Map.entry("444", 2L), Map.entry("555", 2L));
  }

  @Test
  void shouldCountCustomersAnEarlierVersionLeftUncountedOrCountedWithoutValueTiers() {
    harness = new ProcessorHarness(Map.of("segments.walk.batch", "2"));
    // Given three customers as a version without audiences kept them, and one as a version without
    // value tiers counted them, in its cell without a value tier
    for (String customer : new String[] {"c-1", "c-2", "c-3", "c-4"}) {
      harness.process(Orders.purchase(customer, customer + "-o1", day(0), 4_200).build());
      CustomerState state = harness.customers.get(customer);
      state.setAudience(null);
      harness.customers.put(customer, state);
    }
    CustomerState counted = harness.customers.get("c-4");
    counted.setAudience(new AudienceMembership("NEW", "LOW", 4_200L, null, 0L));
    harness.customers.put("c-4", counted);
    harness.segmentCounts.delete("NEW|LOW|rest");
    harness.segmentCounts.put("NEW|LOW", new SegmentCount(1L, 4_200L, 0L));
    harness.restart();
    harness.forget();

    // When the walk reads them two at a time
    harness.walkAt(day(1));
    assertThat(changes()).as("audience changes of the first batch").hasSize(6);
    harness.walkAt(day(1));

    // Then the uncounted joined their segment, tier and value tier, the other their value tier,
    // each once and counted anew, and the cell without value tier emptied
    assertThat(changes()).hasSize(3 * 3 + 1)
        .allSatisfy(change -> assertThat(change.getReason()).isEqualTo(AudienceChangeReason.COUNTED));
    assertThat(harness.segmentCounts.get("NEW|LOW").getCustomers()).isZero();
    assertThat(harness.segmentCounts.get("NEW|LOW|rest").getCustomers()).isEqualTo(4);
  }

  @Test
  void shouldSendTheCountOfEachCellItsCustomersMovedAndNothingWhenNoneMoved() {
    // Given customers in two cells, one of them sent already
    customers(3);
    flush();
    harness.forget();
    harness.process(Orders.purchase("c-1", "c-1-o2", day(2), 500).build());

    // When the flush runs twice
    flush();
    List<SegmentShare> first = shares();
    harness.forget();
    flush();

    // Then the first sent the moved cells as they stand, the second nothing
    assertThat(first).extracting(share -> share.getSegment() + "|" + share.getValueTier() + "=" + share.getCustomers())
        .containsExactlyInAnyOrder("NEW|rest=2", "ACTIVE|rest=1");
    assertThat(shares()).isEmpty();
  }

  @Test
  void shouldSendEveryCellAgainAfterARestart() {
    // Given counts that were sent
    customers(3);
    flush();

    // When the task restarts and flushes
    harness.restart();
    harness.forget();
    flush();

    // Then its cells are sent again, so totals that missed a flush before a crash catch up
    assertThat(shares()).extracting(SegmentShare::getCustomers).containsExactly(3L);
  }

  private void flush() {
    harness.punctuator(PunctuationType.WALL_CLOCK_TIME, ProcessorHarness.SEGMENT_FLUSH_INTERVAL)
        .punctuate(day(3).toEpochMilli());
  }

  private String tierOf(String customer) {
    return harness.customers.get(customer).getAudience().getValueTier();
  }

  private List<AudienceChange> changes() {
    return harness.forwarded("audiences").stream().map(AudienceChange.class::cast).toList();
  }

  private List<SegmentShare> shares() {
    List<SpecificRecord> forwarded = harness.forwarded("segment-shares");
    return forwarded.stream().map(SegmentShare.class::cast).toList();
  }
}
