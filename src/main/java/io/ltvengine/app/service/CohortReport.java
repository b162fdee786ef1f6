package io.ltvengine.app.service;

import io.ltvengine.avro.CohortDimension;
import io.ltvengine.valuation.CurrencyConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The cohort table read from the cohort cells: per cohort and month since acquisition, the
 * customers still buying (retention) and the cumulative revenue per acquired customer (the LTV
 * curve), in major units of the reporting currency.
 */
public record CohortReport(String currency, List<Cohort> byAcquisitionMonth, List<Cohort> byFirstCategory) {

  public record Cohort(String cohort, long customers, List<Month> months) {}

  public record Month(
      int monthsSinceAcquisition,
      long activeCustomers,
      double retention,
      double revenue,
      double cumulativeRevenuePerCustomer) {}

  public static CohortReport of(List<CohortCellView> cells, CurrencyConverter currency) {
    Map<String, List<CohortCellView>> byDimension =
        cells.stream().collect(Collectors.groupingBy(CohortCellView::dimension));
    return new CohortReport(
        currency.reportingCurrency(),
        cohorts(byDimension.getOrDefault(CohortDimension.ACQUISITION_MONTH.name(), List.of()), currency),
        cohorts(byDimension.getOrDefault(CohortDimension.FIRST_CATEGORY.name(), List.of()), currency));
  }

  private static List<Cohort> cohorts(List<CohortCellView> cells, CurrencyConverter currency) {
    Map<String, List<CohortCellView>> byCohort =
        cells.stream().collect(Collectors.groupingBy(CohortCellView::cohort, TreeMap::new, Collectors.toList()));
    List<Cohort> cohorts = new ArrayList<>();
    byCohort.forEach((name, cohortCells) -> cohorts.add(cohort(name, cohortCells, currency)));
    return cohorts;
  }

  /** Months without any activity are filled in, so every curve is continuous from month 0. */
  private static Cohort cohort(String name, List<CohortCellView> cells, CurrencyConverter currency) {
    long customers = cells.stream().mapToLong(CohortCellView::acquiredCustomers).sum();
    int lastMonth = cells.stream().mapToInt(CohortCellView::monthsSinceAcquisition).max().orElse(0);
    CohortCellView[] byMonth = new CohortCellView[lastMonth + 1];
    cells.forEach(cell -> byMonth[cell.monthsSinceAcquisition()] = cell);
    List<Month> months = new ArrayList<>();
    double cumulative = 0;
    for (int month = 0; month <= lastMonth; month++) {
      CohortCellView cell = byMonth[month];
      long active = cell == null ? 0 : cell.activeCustomers();
      double revenue = cell == null ? 0 : currency.toMajor(cell.revenueMinor());
      cumulative += revenue;
      months.add(new Month(month, active, ratio(active, customers), revenue, ratio(cumulative, customers)));
    }
    return new Cohort(name, customers, months);
  }

  private static double ratio(double amount, long customers) {
    return customers <= 0 ? 0 : amount / customers;
  }
}
