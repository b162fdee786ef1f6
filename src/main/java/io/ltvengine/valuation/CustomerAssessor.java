package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.LifecycleSegment;
import io.ltvengine.avro.state.CustomerState;

/**
 * Judges a customer's state at a moment in time: rhythm, risk tier, segment, and when the churn
 * check should next look at them.
 */
public final class CustomerAssessor {

  private final RhythmPolicy rhythmPolicy;
  private final AlertRule alertRule;

  public CustomerAssessor(RhythmPolicy rhythmPolicy, AlertRule alertRule) {
    this.rhythmPolicy = rhythmPolicy;
    this.alertRule = alertRule;
  }

  public Assessment assess(
      CustomerState state, long now, double populationGapDays, Prediction prediction) {
    PurchaseRhythm rhythm = PurchaseRhythm.of(state.getRecentPurchases());
    double expectedGap = rhythmPolicy.expectedGapDays(rhythm, populationGapDays);
    double quietAfter = rhythmPolicy.quietAfterDays(rhythm, populationGapDays);
    double recency = days(now - state.getLastPurchaseAt());
    double tenure = days(now - state.getFirstPurchaseAt());
    ChurnRiskTier tier = tier(rhythmPolicy.tier(recency, quietAfter), prediction);
    return new Assessment(
        rhythm, expectedGap, quietAfter, tenure, recency, tier, segment(state, tier), prediction);
  }

  /**
   * When the rhythm rule calls the customer's silence HIGH risk (or MEDIUM, when not {@code
   * highRisk}), rounded up so that the tier holds at that moment.
   */
  public long riskFrom(CustomerState state, double populationGapDays, boolean highRisk) {
    PurchaseRhythm rhythm = PurchaseRhythm.of(state.getRecentPurchases());
    double quietAfter = rhythmPolicy.quietAfterDays(rhythm, populationGapDays);
    double days = highRisk ? quietAfter : RhythmPolicy.MEDIUM_RISK_SHARE * quietAfter;
    return state.getLastPurchaseAt() + (long) Math.ceil(days * PurchaseRhythm.MILLIS_PER_DAY);
  }

  /** The model decides where it can judge the customer; the rhythm rule covers the rest. */
  private ChurnRiskTier tier(ChurnRiskTier rhythmTier, Prediction prediction) {
    if (prediction == null || !prediction.judgesChurn()) {
      return rhythmTier;
    }
    return alertRule.tier(prediction);
  }

  private static LifecycleSegment segment(CustomerState state, ChurnRiskTier tier) {
    if (state.getOpenAlertId() != null) {
      return LifecycleSegment.LAPSED;
    }
    if (tier == ChurnRiskTier.HIGH) {
      return LifecycleSegment.AT_RISK;
    }
    if (state.getReactivatedAt() != 0 && state.getReactivatedAt() == state.getLastPurchaseAt()) {
      return LifecycleSegment.REACTIVATED;
    }
    return CustomerLedger.orders(state) <= 1 ? LifecycleSegment.NEW : LifecycleSegment.ACTIVE;
  }

  private static double days(long millis) {
    return Math.max(0, millis) / PurchaseRhythm.MILLIS_PER_DAY;
  }
}
