package io.ltvengine.app.service;

import io.ltvengine.avro.CohortCell;

/** One cell of the cohort table, as instances exchange it. */
public record CohortCellView(
    String dimension,
    String cohort,
    int monthsSinceAcquisition,
    long acquiredCustomers,
    long activeCustomers,
    long revenueMinor) {

  public static CohortCellView of(CohortCell cell) {
    return new CohortCellView(
        cell.getDimension().name(),
        cell.getCohort(),
        cell.getMonthsSinceAcquisition(),
        cell.getAcquiredCustomers(),
        cell.getActiveCustomers(),
        cell.getRevenueMinor());
  }
}
