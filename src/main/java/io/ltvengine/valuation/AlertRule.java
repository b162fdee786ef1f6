package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.model.BgNbd;
import io.ltvengine.model.PurchaseModel;

/**
 * When the fitted model calls a quiet customer HIGH risk, which is when the churn alert fires, and
 * when MEDIUM.
 *
 * <p>{@link Kind#EXPECTED_PRECISION}, the default, sets the alert on its target: a customer is
 * alerted once the probability that they make no purchase within {@code horizonDays} reaches
 * {@code high}, so each alert is right with at least that probability and the alerts' expected
 * precision is at least {@code high}. {@link Kind#P_ALIVE} alerts once P(alive) falls below
 * {@code high}; it cannot judge BG/NBD customers without repeat purchases, whose P(alive) is 1.
 *
 * @param high the probability of no purchase from which (or the P(alive) below which) HIGH
 * @param medium the same for MEDIUM
 * @param horizonDays the window of "no purchase within", in days
 */
public record AlertRule(Kind kind, double high, double medium, double horizonDays) {

  /** What the thresholds apply to. */
  public enum Kind {
    EXPECTED_PRECISION,
    P_ALIVE
  }

  /** The risk tier of a customer the model judges. */
  ChurnRiskTier tier(Prediction prediction) {
    if (kind == Kind.P_ALIVE) {
      double pAlive = prediction.pAlive();
      return pAlive < high ? ChurnRiskTier.HIGH : pAlive < medium ? ChurnRiskTier.MEDIUM : ChurnRiskTier.LOW;
    }
    double quiet = prediction.churnProbability();
    return quiet >= high ? ChurnRiskTier.HIGH : quiet >= medium ? ChurnRiskTier.MEDIUM : ChurnRiskTier.LOW;
  }

  /** Whether the model can tell this customer is gone under this rule. */
  boolean judges(String modelName, int repeatPurchases) {
    return !(kind == Kind.P_ALIVE && BgNbd.NAME.equals(modelName) && repeatPurchases == 0);
  }

  /**
   * The age, in the model's time unit, at which a silent customer with x repeat purchases, the
   * last at tx, turns HIGH risk (or MEDIUM, when not {@code high}); infinity if never.
   */
  double riskAge(PurchaseModel purchases, int x, double tx, double timeUnitDays, boolean highRisk) {
    double threshold = highRisk ? high : medium;
    return kind == Kind.P_ALIVE
        ? purchases.ageWhenPAliveDropsBelow(threshold, x, tx)
        : purchases.ageWhenSilenceLikely(threshold, horizonDays / timeUnitDays, x, tx);
  }
}
