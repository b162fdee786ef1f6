package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.valuation.CurrencyConverter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortReportTest {

  private static final CurrencyConverter EUR = CurrencyConverter.parse("EUR", "");

  @Test
  void shouldTurnCellsIntoACumulativeRevenueCurveAndRetentionPerCohort() {
    List<CohortCellView> cells = List.of(
        new CohortCellView("ACQUISITION_MONTH", "2026-01", 0, 4, 4, 400_00),
        new CohortCellView("ACQUISITION_MONTH", "2026-01", 2, 0, 1, 100_00));

    CohortReport.Cohort january = CohortReport.of(cells, EUR).byAcquisitionMonth().get(0);

    assertThat(january.customers()).isEqualTo(4);
    assertThat(january.months()).extracting(CohortReport.Month::cumulativeRevenuePerCustomer)
        .containsExactly(100.0, 100.0, 125.0);
    assertThat(january.months()).extracting(CohortReport.Month::retention).containsExactly(1.0, 0.0, 0.25);
  }

  @Test
  void shouldKeepCategoryCohortsApartFromMonthCohorts() {
    List<CohortCellView> cells = List.of(
        new CohortCellView("ACQUISITION_MONTH", "2026-01", 0, 1, 1, 10_00),
        new CohortCellView("FIRST_CATEGORY", "books", 0, 1, 1, 10_00));

    CohortReport report = CohortReport.of(cells, EUR);

    assertThat(report.byAcquisitionMonth()).extracting(CohortReport.Cohort::cohort).containsExactly("2026-01");
    assertThat(report.byFirstCategory()).extracting(CohortReport.Cohort::cohort).containsExactly("books");
    assertThat(report.currency()).isEqualTo("EUR");
  }
}
