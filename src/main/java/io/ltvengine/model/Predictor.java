package io.ltvengine.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Scores one customer at a time with a fitted purchase model and spend model; built once per
 * parameter set and then called per order. The models precompute their parameter-only terms.
 */
public final class Predictor {

  /** Everything the engine reports for a customer; money in the currency of the spend model. */
  public record Score(
      double pAlive, double expectedPurchases, double expectedAvgSpend, double clv) {}

  private final PurchaseModel purchases;
  private final GammaGamma spend;
  private final Clv clv;
  private final TimeUnit timeUnit;

  /**
   * @param horizon CLV horizon in whole periods of {@code timeUnit}
   * @param discountRate discount rate per period
   * @param timeUnit the unit the models were fitted in
   */
  public Predictor(
      PurchaseModel purchases,
      GammaGamma spend,
      int horizon,
      double discountRate,
      TimeUnit timeUnit) {
    this.purchases = purchases;
    this.spend = spend;
    this.clv = new Clv(horizon, discountRate);
    this.timeUnit = timeUnit;
  }

  /** Scores a history already expressed in the models' time unit. */
  public Score score(CustomerHistory history) {
    double avgSpend = spend.expectedAverageSpend(history);
    double[] curve = purchases.expectedPurchasesCurve(clv.horizon(), history);
    return new Score(
        purchases.pAlive(history), curve[clv.horizon()], avgSpend, clv.value(curve, avgSpend));
  }

  /**
   * Scores a customer from raw event times: {@code repeatPurchases} purchases after the first one,
   * the last at {@code lastPurchase}, as seen at {@code asOf}.
   */
  public Score score(
      int repeatPurchases,
      Instant firstPurchase,
      Instant lastPurchase,
      Instant asOf,
      double meanRepeatSpend) {
    double tx = timeUnit.of(Duration.between(firstPurchase, lastPurchase));
    double age = Math.max(tx, timeUnit.of(Duration.between(firstPurchase, asOf)));
    return score(new CustomerHistory(repeatPurchases, tx, age, meanRepeatSpend, 1));
  }

  public TimeUnit timeUnit() {
    return timeUnit;
  }
}
