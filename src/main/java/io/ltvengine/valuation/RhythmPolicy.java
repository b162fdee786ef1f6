package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnRiskTier;

/**
 * The rule that judges churn risk from silence alone, when no fitted model can: a customer is at
 * risk when quiet clearly longer than their own rhythm predicts, and one-time buyers are judged by
 * the population's rhythm.
 *
 * @param gapMultiplier quiet for this many expected gaps means at risk
 * @param stdDevMultiplier or this many standard deviations above the customer's mean gap
 * @param minQuietDays never at risk before this many quiet days
 */
public record RhythmPolicy(double gapMultiplier, double stdDevMultiplier, double minQuietDays) {

  /** Quiet time below this share of the threshold is LOW risk; above it MEDIUM. */
  static final double MEDIUM_RISK_SHARE = 0.5;

  /** The gap the rule expects: the customer's mean gap, or the population's for one-time buyers. */
  public double expectedGapDays(PurchaseRhythm own, double populationGapDays) {
    return own.known() ? own.meanGapDays() : populationGapDays;
  }

  /** Days of silence after the last purchase from which the customer counts as quiet. */
  public double quietAfterDays(PurchaseRhythm own, double populationGapDays) {
    double expected = expectedGapDays(own, populationGapDays);
    double threshold = Math.max(minQuietDays, gapMultiplier * expected);
    if (!Double.isNaN(own.stdDevGapDays())) {
      threshold = Math.max(threshold, own.meanGapDays() + stdDevMultiplier * own.stdDevGapDays());
    }
    return threshold;
  }

  /** Risk tier after {@code quietDays} of silence. */
  public ChurnRiskTier tier(double quietDays, double quietAfterDays) {
    if (quietDays >= quietAfterDays) {
      return ChurnRiskTier.HIGH;
    }
    return quietDays >= MEDIUM_RISK_SHARE * quietAfterDays ? ChurnRiskTier.MEDIUM : ChurnRiskTier.LOW;
  }
}
