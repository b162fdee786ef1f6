package io.ltvengine.app.service;

import io.ltvengine.valuation.RfmQuintiles;
import io.ltvengine.valuation.SegmentSketch;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFM scores: recency, frequency (orders) and monetary value (net revenue), each scored 1 to 5 by
 * its quintile in the population; 5 is best (most recent, most frequent, highest spend). The
 * quintiles come from the merged sketches; each task scored its customers against its own
 * quintiles of the walk before, a sample of the population's, within the sketches' rank error.
 *
 * @param cells customers per combined score, e.g. "555" for the best customers
 */
public record RfmScores(Quintiles recency, Quintiles frequency, Quintiles monetary, Map<String, Long> cells) {

  private static final double DAY_MILLIS = 86_400_000.0;

  /**
   * @param thresholds the 20th, 40th, 60th and 80th percentiles (recency in days, net revenue in
   *     minor units); empty before any walk
   * @param customersPerScore customers scored 1 to 5
   */
  public record Quintiles(double[] thresholds, long[] customersPerScore) {}

  static RfmScores of(SegmentSketch.Summary sketch, long now) {
    Map<String, Long> cells = new TreeMap<>(sketch.rfmCells());
    double[][] thresholds = sketch.quintiles().map(q -> thresholds(q, now)).orElse(new double[3][0]);
    return new RfmScores(
        new Quintiles(thresholds[0], perScore(cells, 0)),
        new Quintiles(thresholds[1], perScore(cells, 1)),
        new Quintiles(thresholds[2], perScore(cells, 2)),
        cells);
  }

  static double days(long millis) {
    return millis / DAY_MILLIS;
  }

  /** Recency in days, ascending: the latest purchase quintiles read backwards from now. */
  private static double[][] thresholds(RfmQuintiles quintiles, long now) {
    double[] lastPurchase = quintiles.lastPurchase();
    double[] recency = new double[lastPurchase.length];
    for (int i = 0; i < recency.length; i++) {
      recency[i] = (now - lastPurchase[lastPurchase.length - 1 - i]) / DAY_MILLIS;
    }
    return new double[][] {recency, quintiles.orders(), quintiles.netRevenue()};
  }

  private static long[] perScore(Map<String, Long> cells, int digit) {
    long[] customers = new long[5];
    cells.forEach((cell, count) -> customers[cell.charAt(digit) - '1'] += count);
    return customers;
  }
}
