package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentReportTest {

  /** Customer i: i days quiet, i orders, i euros, value i. */
  private static List<CustomerSummary> customers(int count) {
    List<CustomerSummary> customers = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      customers.add(new CustomerSummary("c" + i, i % 2 == 0 ? "ACTIVE" : "NEW", "LOW", i, i, i * 100L, i));
    }
    return customers;
  }

  @Test
  void shouldCountCustomersAndValuePerSegmentIncludingEmptySegments() {
    SegmentReport report = SegmentReport.of(customers(10));

    assertThat(report.bySegment().get("ACTIVE")).isEqualTo(new SegmentReport.Group(5, 2 + 4 + 6 + 8 + 10));
    assertThat(report.bySegment().get("LAPSED")).isEqualTo(new SegmentReport.Group(0, 0));
    assertThat(report.byRiskTier().get("LOW").customers()).isEqualTo(10);
  }

  @Test
  void shouldPutTheTopOnePercentAndTheRestOfTheTopTenPercentInTheirValueTiers() {
    SegmentReport report = SegmentReport.of(customers(200));

    assertThat(report.byValueTier().get(SegmentReport.TOP_1)).isEqualTo(new SegmentReport.Group(2, 200 + 199));
    assertThat(report.byValueTier().get(SegmentReport.TOP_10).customers()).isEqualTo(18);
    assertThat(report.byValueTier().get(SegmentReport.REST).customers()).isEqualTo(180);
    assertThat(report.topCustomers()).hasSize(SegmentReport.TOP_CUSTOMERS);
    assertThat(report.topCustomers().get(0).customerId()).isEqualTo("c200");
  }

  @Test
  void shouldScoreRfmQuintilesWithTheMostRecentCustomersBest() {
    RfmScores rfm = SegmentReport.of(customers(10)).rfm();

    assertThat(rfm.recency().thresholds()).containsExactly(2, 4, 6, 8);
    assertThat(rfm.recency().customersPerScore()).containsExactly(2, 2, 2, 2, 2);
    // The most recent customers buy least here: recency 5 goes with frequency and monetary 1.
    assertThat(rfm.cells()).containsEntry("511", 2L).containsEntry("155", 2L);
  }
}
