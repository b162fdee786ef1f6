package io.ltvengine.app.service;

import io.ltvengine.valuation.CurrencyConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Customers and net revenue per lifecycle segment and churn-risk tier, summed from the cells the
 * topology keeps per task as customers move: its cost follows the number of cells, not of
 * customers. Each customer is counted as of their last order or churn check.
 */
public record AudienceCounts(
    String currency, long customers, Map<String, Count> bySegment, Map<String, Count> byRiskTier, List<Cell> cells) {

  /** One task's (or the sum of several tasks') customers in one segment and risk tier. */
  public record Cell(String segment, String riskTier, long customers, long netRevenueMinor) {}

  /** Customers of a group and their net revenue in major units. */
  public record Count(long customers, double netRevenue) {
    Count plus(Count other) {
      return new Count(customers + other.customers(), netRevenue + other.netRevenue());
    }
  }

  public static AudienceCounts of(List<Cell> cells, CurrencyConverter currency) {
    Map<String, Cell> summed = new TreeMap<>();
    cells.forEach(cell -> summed.merge(cell.segment() + "|" + cell.riskTier(), cell, (a, b) ->
        new Cell(a.segment(), a.riskTier(), a.customers() + b.customers(), a.netRevenueMinor() + b.netRevenueMinor())));
    Map<String, Count> bySegment = new LinkedHashMap<>();
    Map<String, Count> byRiskTier = new LinkedHashMap<>();
    long customers = 0;
    for (Cell cell : summed.values()) {
      Count count = new Count(cell.customers(), currency.toMajor(cell.netRevenueMinor()));
      bySegment.merge(cell.segment(), count, Count::plus);
      byRiskTier.merge(cell.riskTier(), count, Count::plus);
      customers += cell.customers();
    }
    return new AudienceCounts(currency.reportingCurrency(), customers, bySegment, byRiskTier, List.copyOf(summed.values()));
  }
}
