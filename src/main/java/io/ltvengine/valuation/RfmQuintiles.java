package io.ltvengine.valuation;

import java.util.Arrays;

/**
 * The 20th, 40th, 60th and 80th percentiles of last purchase time, orders and net revenue, by
 * which each customer scores 1 to 5 in recency, frequency and monetary value; 5 is best (most
 * recent, most orders, most spent).
 */
public record RfmQuintiles(double[] lastPurchase, double[] orders, double[] netRevenue) {

  static final double[] RANKS = {0.2, 0.4, 0.6, 0.8};

  /** Whether both have the same thresholds (a record of arrays compares them by identity). */
  public boolean sameAs(RfmQuintiles other) {
    return Arrays.equals(lastPurchase, other.lastPurchase) && Arrays.equals(orders, other.orders)
        && Arrays.equals(netRevenue, other.netRevenue);
  }

  /** A customer's cell, e.g. "555" for the best. */
  String cell(long lastPurchaseAt, int orders, long netRevenueMinor) {
    return "" + score(lastPurchase, lastPurchaseAt) + score(this.orders, orders) + score(netRevenue, netRevenueMinor);
  }

  /** 1 to 5: one more for every quintile threshold the value exceeds. */
  private static int score(double[] thresholds, double value) {
    int score = 1;
    for (double threshold : thresholds) {
      if (value > threshold) {
        score++;
      }
    }
    return score;
  }
}
