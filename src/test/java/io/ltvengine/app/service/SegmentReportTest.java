package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.valuation.CurrencyConverter;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.SegmentSketch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentReportTest {

  private static final CurrencyConverter EUROS = CurrencyConverter.parse("EUR", "");
  private static final long NOW = Duration.ofDays(100).toMillis();

  /** Customer i: bought i times, i euros in all, last i days before now, value i euros. */
  private static CustomerState customer(int i) {
    CustomerState state = CustomerLedger.emptyState();
    state.setOrders(i);
    state.setGrossMinor(i * 100L);
    state.setFirstPurchaseAt(NOW - Duration.ofDays(i + 1).toMillis());
    state.setLastPurchaseAt(NOW - Duration.ofDays(i).toMillis());
    state.setAudience(new AudienceMembership("ACTIVE", "LOW", i * 100L, "rest", i * 100L));
    return state;
  }

  /** Two walks over customers from..to: the second scores RFM cells against the first's quintiles. */
  private static SegmentSketch sketch(int from, int to) {
    SegmentSketch before = SegmentSketch.empty();
    for (int i = from; i <= to; i++) {
      before.add("c" + i, customer(i), Optional.empty());
    }
    SegmentSketch walked = SegmentSketch.empty();
    for (int i = from; i <= to; i++) {
      walked.add("c" + i, customer(i), before.quintiles());
    }
    return walked.walked(NOW);
  }

  private static AudienceCounts counts() {
    return AudienceCounts.of(List.of(
        new AudienceCounts.Cell("ACTIVE", "LOW", "rest", 8, 80_00, 90_00),
        new AudienceCounts.Cell("ACTIVE", "LOW", "top-10%", 1, 9_00, 9_00),
        new AudienceCounts.Cell("NEW", "MEDIUM", "top-1%", 1, 10_00, 10_00),
        new AudienceCounts.Cell("NEW", "HIGH", "rest", 0, 0, 0)), EUROS);
  }

  @Test
  void shouldCountCustomersAndValuePerSegmentRiskAndValueTierFromTheCellsIncludingEmptyOnes() {
    SegmentReport report = SegmentReport.of(counts(), sketch(1, 10).summary(), EUROS, NOW);

    assertThat(report.customers()).isEqualTo(10);
    assertThat(report.bySegment().get("ACTIVE")).isEqualTo(new SegmentReport.Group(9, 99));
    assertThat(report.bySegment().get("LAPSED")).isEqualTo(new SegmentReport.Group(0, 0));
    assertThat(report.byRiskTier().get("HIGH")).isEqualTo(new SegmentReport.Group(0, 0));
    assertThat(report.byValueTier()).containsEntry("top-1%", new SegmentReport.Group(1, 10))
        .containsEntry("top-10%", new SegmentReport.Group(1, 9)).containsEntry("rest", new SegmentReport.Group(8, 90));
  }

  @Test
  void shouldScoreRfmQuintilesWithTheMostRecentCustomersBest() {
    RfmScores rfm = SegmentReport.of(counts(), sketch(1, 10).summary(), EUROS, NOW).rfm();

    // Last purchases 1 to 10 days ago: two customers bought within 3 days, two more within 5...
    assertThat(rfm.recency().thresholds()).containsExactly(3, 5, 7, 9);
    assertThat(rfm.frequency().thresholds()).containsExactly(2, 4, 6, 8);
    assertThat(rfm.recency().customersPerScore()).containsExactly(2, 2, 2, 2, 2);
    // The most recent customers buy least here: recency 5 goes with frequency and monetary 1.
    assertThat(rfm.cells()).containsEntry("511", 2L).containsEntry("155", 2L);
  }

  @Test
  void shouldMergeTheSketchesOfSeveralTasksIntoThePopulations() {
    // Given two tasks with half the customers each
    SegmentSketch merged = sketch(1, 100).merge(sketch(101, 200));

    // When the report is made from their merge
    SegmentReport report = SegmentReport.of(counts(), merged.summary(), EUROS, NOW);

    // Then thresholds, top customers and sketched customers are the population's
    assertThat(report.ranking().customers()).isEqualTo(200);
    assertThat(report.ranking().top1Value()).isEqualTo(199.0);
    assertThat(report.ranking().top10Value()).isEqualTo(181.0);
    assertThat(report.topCustomers()).hasSize(SegmentSketch.TOP_CUSTOMERS)
        .extracting(SegmentReport.Top::customerId).startsWith("c200", "c199");
    assertThat(report.topCustomers().get(0).recencyDays()).isEqualTo(200);
  }

  @Test
  void shouldCarryAnInstancesCellsAndSketchesThroughJson() throws Exception {
    // Given an instance's part of the report
    LocalSegments local = new LocalSegments(counts().cells(), LocalSegments.encode(sketch(1, 10).toDigest()));

    // When it is sent as JSON, as an instance answers another
    ObjectMapper json = new ObjectMapper();
    LocalSegments received = json.readValue(json.writeValueAsString(local), LocalSegments.class);

    // Then the receiver merges the same sketch
    SegmentSketch merged = SegmentSketch.empty();
    received.mergeInto(merged);
    assertThat(received.cells()).isEqualTo(local.cells());
    assertThat(merged.customers()).isEqualTo(10);
    assertThat(merged.rfmCells()).isEqualTo(sketch(1, 10).rfmCells());
  }
}
