package io.ltvengine.model;

import org.hipparchus.special.Beta;

/**
 * Shifted-beta-geometric model of contractual retention, Fader and Hardie (2007), "How to project
 * customer retention", J. Interactive Marketing 21(1). Each customer churns at the end of a period
 * with probability theta ~ Beta(alpha, beta); periods are counted from 1.
 */
public final class ShiftedBetaGeometric {

  private final double alpha;
  private final double beta;

  public ShiftedBetaGeometric(double alpha, double beta) {
    this.alpha = alpha;
    this.beta = beta;
  }

  /**
   * Maximum-likelihood fit on survivor counts: {@code survivors[t]} customers still active after t
   * periods, {@code survivors[0]} the initial cohort.
   */
  public static ShiftedBetaGeometric fit(long[] survivors) {
    double[] v =
        MaximumLikelihood.maximise(
            p -> new ShiftedBetaGeometric(p[0], p[1]).logLikelihood(survivors), 1, 1);
    return new ShiftedBetaGeometric(v[0], v[1]);
  }

  public double alpha() {
    return alpha;
  }

  public double beta() {
    return beta;
  }

  /** Churners of each period times ln P(T = t), survivors times ln S(last period). */
  public double logLikelihood(long[] survivors) {
    double sum = 0;
    for (int t = 1; t < survivors.length; t++) {
      sum += (survivors[t - 1] - survivors[t]) * Math.log(churnProbability(t));
    }
    return sum + survivors[survivors.length - 1] * Math.log(survival(survivors.length - 1));
  }

  /** P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta), churn in period t. */
  public double churnProbability(int t) {
    return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
  }

  /** S(t) = B(alpha, beta+t) / B(alpha, beta), still active after t periods. */
  public double survival(int t) {
    return Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
  }

  /** r(t) = (beta+t-1) / (alpha+beta+t-1), share of period t-1 survivors renewing. */
  public double retentionRate(int t) {
    return (beta + t - 1) / (alpha + beta + t - 1);
  }

  /**
   * Discounted expected residual lifetime of a customer who has made {@code renewals} renewals,
   * counted in future payments discounted at {@code discountRate} per period (Fader and Hardie
   * 2010, "Customer-base valuation in a contractual setting"): (beta+n) / (alpha+beta+n) 2F1(1,
   * beta+n+1; alpha+beta+n+1; 1/(1+d)), n = renewals.
   */
  public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
    double n = renewals;
    return (beta + n)
        / (alpha + beta + n)
        * Hypergeometric2F1.value(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate));
  }
}
