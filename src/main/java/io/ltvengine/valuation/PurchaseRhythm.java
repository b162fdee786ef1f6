package io.ltvengine.valuation;

import java.util.List;

/**
 * A customer's own buying rhythm: mean and standard deviation of the days between their recent
 * purchases. Computed from the bounded list of purchase times, so a late order that falls between
 * two known purchases splits that gap correctly.
 *
 * @param meanGapDays mean gap, or NaN with fewer than two purchases
 * @param stdDevGapDays standard deviation of the gaps, or NaN with fewer than three purchases
 * @param gaps number of gaps observed
 */
public record PurchaseRhythm(double meanGapDays, double stdDevGapDays, int gaps) {

  static final double MILLIS_PER_DAY = 86_400_000d;

  /** Runs on every order, so it is a plain pass over at most a dozen times. */
  public static PurchaseRhythm of(List<Long> purchaseTimes) {
    int gaps = purchaseTimes.size() - 1;
    if (gaps < 1) {
      return new PurchaseRhythm(Double.NaN, Double.NaN, 0);
    }
    double mean = (purchaseTimes.get(gaps) - purchaseTimes.get(0)) / MILLIS_PER_DAY / gaps;
    if (gaps < 2) {
      return new PurchaseRhythm(mean, Double.NaN, gaps);
    }
    double sumOfSquares = 0;
    for (int i = 1; i <= gaps; i++) {
      double deviation = (purchaseTimes.get(i) - purchaseTimes.get(i - 1)) / MILLIS_PER_DAY - mean;
      sumOfSquares += deviation * deviation;
    }
    return new PurchaseRhythm(mean, Math.sqrt(sumOfSquares / (gaps - 1)), gaps);
  }

  public boolean known() {
    return gaps > 0;
  }
}
