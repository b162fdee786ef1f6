package io.ltvengine.app.service;

import io.ltvengine.valuation.CurrencyConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Customers, net revenue and value per lifecycle segment, churn-risk tier and value tier, summed
 * from the cells the topology keeps per task as customers move: its cost follows the number of
 * cells, not of customers. Each customer is counted as of their last order, churn check or
 * ranking walk.
 */
public record AudienceCounts(
    String currency,
    long customers,
    Map<String, Count> bySegment,
    Map<String, Count> byRiskTier,
    Map<String, Count> byValueTier,
    List<Cell> cells) {

  /**
   * One task's (or the sum of several tasks') customers in one segment, risk tier and value tier;
   * the value tier is null for customers an earlier version counted and no walk has ranked yet.
   */
  public record Cell(
      String segment, String riskTier, String valueTier, long customers, long netRevenueMinor, long valueMinor) {

    String key() {
      return segment + "|" + riskTier + "|" + Objects.requireNonNullElse(valueTier, "");
    }

    Cell plus(Cell other) {
      return new Cell(segment, riskTier, valueTier, customers + other.customers,
          netRevenueMinor + other.netRevenueMinor, valueMinor + other.valueMinor);
    }
  }

  /** Customers of a group, their net revenue and their value, in major units. */
  public record Count(long customers, double netRevenue, double value) {
    Count plus(Count other) {
      return new Count(customers + other.customers(), netRevenue + other.netRevenue(), value + other.value());
    }
  }

  public static AudienceCounts of(List<Cell> cells, CurrencyConverter currency) {
    Map<String, Cell> summed = new TreeMap<>();
    cells.stream().filter(cell -> cell.customers() != 0).forEach(cell -> summed.merge(cell.key(), cell, Cell::plus));
    Map<String, Count> bySegment = new LinkedHashMap<>();
    Map<String, Count> byRiskTier = new LinkedHashMap<>();
    Map<String, Count> byValueTier = new LinkedHashMap<>();
    long customers = 0;
    for (Cell cell : summed.values()) {
      Count count = new Count(
          cell.customers(), currency.toMajor(cell.netRevenueMinor()), currency.toMajor(cell.valueMinor()));
      bySegment.merge(cell.segment(), count, Count::plus);
      byRiskTier.merge(cell.riskTier(), count, Count::plus);
      byValueTier.merge(Objects.requireNonNullElse(cell.valueTier(), UNRANKED), count, Count::plus);
      customers += cell.customers();
    }
    return new AudienceCounts(currency.reportingCurrency(), customers, bySegment, byRiskTier, byValueTier,
        List.copyOf(summed.values()));
  }

  /** The value tier of customers no walk has ranked yet. */
  static final String UNRANKED = "unranked";
}
