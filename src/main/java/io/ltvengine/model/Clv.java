package io.ltvengine.model;

/**
 * Discounted customer lifetime value over a finite horizon, the formula of the lifetimes library:
 * sum over periods k = 1..H of (E[purchases in (k-1, k]] / (1+d)^k) times the value of a purchase.
 */
public final class Clv {

  private final double[] discountFactors;

  /** {@code horizon} whole periods of the model's time unit, {@code discountRate} per period. */
  public Clv(int horizon, double discountRate) {
    if (horizon < 0 || discountRate <= -1) {
      throw new IllegalArgumentException("need horizon >= 0 and discount rate > -1");
    }
    discountFactors = new double[horizon + 1];
    for (int k = 0; k <= horizon; k++) {
      discountFactors[k] = Math.pow(1 + discountRate, -k);
    }
  }

  public int horizon() {
    return discountFactors.length - 1;
  }

  /** CLV of one customer given the value (spend or margin) of each future purchase. */
  public double value(PurchaseModel model, CustomerHistory history, double valuePerPurchase) {
    return value(model.expectedPurchasesCurve(horizon(), history), valuePerPurchase);
  }

  /** CLV from a curve of cumulative expected purchases at periods 0..horizon. */
  public double value(double[] expectedPurchasesCurve, double valuePerPurchase) {
    double discountedPurchases = 0;
    for (int k = 1; k < discountFactors.length; k++) {
      discountedPurchases +=
          (expectedPurchasesCurve[k] - expectedPurchasesCurve[k - 1]) * discountFactors[k];
    }
    return discountedPurchases * valuePerPurchase;
  }
}
