package io.ltvengine.model.data;

import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.TimeUnit;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns transactions into (x, tx, T, zbar) per customer, following the CDNOW conventions:
 *
 * <ul>
 *   <li>all purchases of one customer on one day are one purchase, their amounts summed;
 *   <li>transactions after the calibration end (inclusive) are ignored, as are customers whose
 *       first purchase falls after it;
 *   <li>x counts repeat purchase days, tx is the days from first to last purchase and T the days
 *       from first purchase to the calibration end, converted to the time unit (with an end of
 *       1997-09-30, a 1997-01-01 buyer has T = 272 days = 38.86 weeks);
 *   <li>zbar is the mean value of the repeat purchases, excluding the first.
 * </ul>
 *
 * Customers keep the order in which they first appear in the input.
 */
public final class CalibrationSummariser {

  private final LocalDate calibrationEnd;
  private final TimeUnit timeUnit;

  public CalibrationSummariser(LocalDate calibrationEnd, TimeUnit timeUnit) {
    this.calibrationEnd = calibrationEnd;
    this.timeUnit = timeUnit;
  }

  public List<CustomerSummary> summarise(List<Transaction> transactions) {
    Map<String, TreeMap<LocalDate, Double>> spendByDay = new LinkedHashMap<>();
    for (Transaction t : transactions) {
      if (!t.date().isAfter(calibrationEnd)) {
        spendByDay
            .computeIfAbsent(t.customerId(), id -> new TreeMap<>())
            .merge(t.date(), t.amount(), Double::sum);
      }
    }
    return spendByDay.entrySet().stream()
        .map(e -> new CustomerSummary(e.getKey(), history(e.getValue())))
        .toList();
  }

  private CustomerHistory history(TreeMap<LocalDate, Double> spendByDay) {
    LocalDate first = spendByDay.firstKey();
    int x = spendByDay.size() - 1;
    double repeatSpend =
        spendByDay.tailMap(first, false).values().stream().mapToDouble(Double::doubleValue).sum();
    return new CustomerHistory(
        x,
        timeUnit.fromDays(ChronoUnit.DAYS.between(first, spendByDay.lastKey())),
        timeUnit.fromDays(ChronoUnit.DAYS.between(first, calibrationEnd)),
        x == 0 ? 0 : repeatSpend / x,
        1);
  }
}
