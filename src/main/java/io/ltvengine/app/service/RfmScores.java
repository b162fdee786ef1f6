package io.ltvengine.app.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * RFM scores: recency, frequency (orders) and monetary value (net revenue), each scored 1 to 5 by
 * its quintile in the population; 5 is best (most recent, most frequent, highest spend).
 *
 * @param cells customers per combined score, e.g. "555" for the best customers
 */
public record RfmScores(Quintiles recency, Quintiles frequency, Quintiles monetary, Map<String, Long> cells) {

  /**
   * @param thresholds the 20th, 40th, 60th and 80th percentiles
   * @param customersPerScore customers scored 1 to 5
   */
  public record Quintiles(double[] thresholds, long[] customersPerScore) {

    static Quintiles of(List<CustomerSummary> customers, ToDoubleFunction<CustomerSummary> measure) {
      double[] values = customers.stream().mapToDouble(measure).sorted().toArray();
      double[] thresholds = new double[4];
      for (int i = 0; values.length > 0 && i < thresholds.length; i++) {
        int rank = (int) Math.ceil(values.length * 0.2 * (i + 1));
        thresholds[i] = values[rank - 1];
      }
      return new Quintiles(thresholds, new long[5]);
    }

    /** 1 to 5: one more for every quintile threshold the value exceeds. */
    int score(double value, boolean lowerIsBetter) {
      int above = 0;
      for (double threshold : thresholds) {
        if (value > threshold) {
          above++;
        }
      }
      int score = lowerIsBetter ? 5 - above : 1 + above;
      customersPerScore[score - 1]++;
      return score;
    }
  }

  static RfmScores of(List<CustomerSummary> customers) {
    Quintiles recency = Quintiles.of(customers, CustomerSummary::recencyDays);
    Quintiles frequency = Quintiles.of(customers, CustomerSummary::orders);
    Quintiles monetary = Quintiles.of(customers, CustomerSummary::netRevenueMinor);
    Map<String, Long> cells = new TreeMap<>();
    for (CustomerSummary customer : customers) {
      String cell =
          "" + recency.score(customer.recencyDays(), true)
              + frequency.score(customer.orders(), false)
              + monetary.score(customer.netRevenueMinor(), false);
      cells.merge(cell, 1L, Long::sum);
    }
    return new RfmScores(recency, frequency, monetary, cells);
  }
}
