package io.ltvengine.tools.backtest;

/**
 * One customer: what the engine served at the calibration end, and what the customer then did in
 * the holdout period.
 *
 * @param calibrationRepeats repeat purchases in the calibration period (x)
 * @param served the engine's record and alert state at the calibration end
 * @param actualPurchases purchase days in the holdout period
 * @param actualSpend spend in the holdout period
 */
record Outcome(String customerId, int calibrationRepeats, Served served, int actualPurchases, double actualSpend) {

  double predictedPurchases() {
    return served.ltv().getExpectedPurchases();
  }

  double pAlive() {
    return served.ltv().getPAlive();
  }

  /** The engine's probability of no purchase within its alert horizon, the holdout period here. */
  double churnProbability() {
    return served.ltv().getChurnProbability();
  }

  double predictedClv() {
    Double clv = served.ltv().getPredictedClv();
    return clv == null ? served.ltv().getHistoricalLtv() : clv;
  }

  boolean buysAgain() {
    return actualPurchases > 0;
  }
}
