package io.ltvengine.model;

import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.special.Gamma;

/**
 * Pareto/NBD model of Schmittlein, Morrison and Colombo (1987): purchases at Poisson rate lambda ~
 * Gamma(r, alpha) during an exponential lifetime with rate mu ~ Gamma(s, beta). Formulas follow
 * Fader and Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions".
 */
public final class ParetoNbd implements PurchaseModel {

  public static final String NAME = "pareto-nbd";

  private final double r;
  private final double alpha;
  private final double s;
  private final double beta;

  /** Parameter-only part of the log-likelihood: -ln Gamma(r) + r ln alpha + s ln beta. */
  private final double logLikelihoodConstant;

  public ParetoNbd(double r, double alpha, double s, double beta) {
    this.r = r;
    this.alpha = alpha;
    this.s = s;
    this.beta = beta;
    this.logLikelihoodConstant = -Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  }

  static ParetoNbd fromParameters(Map<String, Double> p) {
    return new ParetoNbd(p.get("r"), p.get("alpha"), p.get("s"), p.get("beta"));
  }

  /** Maximum-likelihood fit on (preferably grouped) customer histories. */
  public static ParetoNbd fit(List<CustomerHistory> rows) {
    double meanAge = BgNbd.meanAge(rows);
    double[] p =
        MaximumLikelihood.maximise(
            v -> new ParetoNbd(v[0], v[1], v[2], v[3]).logLikelihood(rows), 1, meanAge, 1, meanAge);
    return new ParetoNbd(p[0], p[1], p[2], p[3]);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return Parameters.named(new String[] {"r", "alpha", "s", "beta"}, r, alpha, s, beta);
  }

  /**
   * Likelihood: Gamma(r+x) alpha^r beta^s / Gamma(r) times [(alpha+T)^-(r+x) (beta+T)^-s +
   * s/(r+s+x) A0], summed in log space.
   */
  @Override
  public double logLikelihood(CustomerHistory h) {
    int x = h.x();
    double stillActive = -(r + x) * Math.log(alpha + h.age()) - s * Math.log(beta + h.age());
    double droppedOut = Math.log(s / (r + s + x)) + logA0(h);
    return logLikelihoodConstant + Gamma.logGamma(r + x) + BgNbd.logSumExp(stillActive, droppedOut);
  }

  /** P(alive) = 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0). */
  @Override
  public double pAlive(CustomerHistory h) {
    double logOdds =
        Math.log(s / (r + s + h.x()))
            + logA0(h)
            + (r + h.x()) * Math.log(alpha + h.age())
            + s * Math.log(beta + h.age());
    return 1 / (1 + Math.exp(logOdds));
  }

  /**
   * Dropped out, or alive and silent: given the history and life at T, lambda ~ Gamma(r+x, alpha+T)
   * and mu ~ Gamma(s, beta+T) independently, and a first purchase at w within t needs life until w:
   * P(purchase | alive) = integral over [0, t] of E[lambda e^(-lambda w)] E[e^(-mu w)] dw. In y =
   * ln(1 + w/(alpha+T)) the first factor is (r+x) e^(-(r+x) y) dy and the second a smooth factor in
   * (0, 1], an analytic integrand Gauss-Legendre integrates in few points for any x; without
   * dropouts the integral is 1 - ((alpha+T)/(alpha+T+t))^(r+x).
   */
  @Override
  public double probabilityOfNoPurchase(double t, CustomerHistory h) {
    double shape = r + h.x();
    double purchaseScale = alpha + h.age();
    double lifetimeScale = beta + h.age();
    UnivariateFunction firstPurchase = y -> {
      double w = purchaseScale * Math.expm1(y);
      return shape * Math.exp(-shape * y - s * Math.log1p(w / lifetimeScale));
    };
    double purchaseIfAlive = new IterativeLegendreGaussIntegrator(16, 1e-10, 1e-14)
        .integrate(100_000, firstPurchase, 0, Math.log1p(t / purchaseScale));
    return 1 - pAlive(h) * purchaseIfAlive;
  }

  /**
   * Conditional expectation (Schmittlein et al. 1987): (r+x)(beta+T) / ((alpha+T)(s-1)) [1 -
   * ((beta+T)/(beta+T+t))^(s-1)] P(alive). The bracket over (s-1) is written with expm1 so s close
   * to 1 loses no precision; at s = 1 it is the limit ln(1 + t/(beta+T)).
   */
  @Override
  public double expectedPurchases(double t, CustomerHistory h) {
    return expectedPurchasesIfActive(t, h) * pAlive(h);
  }

  /** The curve needs P(alive), and so its two 2F1 evaluations, only once. */
  @Override
  public double[] expectedPurchasesCurve(int horizon, CustomerHistory h) {
    double pAlive = pAlive(h);
    double[] curve = new double[horizon + 1];
    for (int k = 1; k <= horizon; k++) {
      curve[k] = expectedPurchasesIfActive(k, h) * pAlive;
    }
    return curve;
  }

  private double expectedPurchasesIfActive(double t, CustomerHistory h) {
    double logGrowth = Math.log1p(t / (beta + h.age()));
    double lifetimeFactor =
        Math.abs(s - 1) < 1e-12 ? logGrowth : -Math.expm1(-(s - 1) * logGrowth) / (s - 1);
    return (r + h.x()) * (beta + h.age()) / (alpha + h.age()) * lifetimeFactor;
  }

  /**
   * ln A0 of the likelihood. A0 is a difference of two 2F1 terms at tx and T; the larger of alpha
   * and beta goes into the argument so it lies in [0, 1). The difference is taken in log space with
   * expm1 so T close to tx keeps its precision; A0 = 0 (log -infinity) when T = tx.
   */
  private double logA0(CustomerHistory h) {
    double sum = r + s + h.x();
    boolean alphaLarger = alpha >= beta;
    double larger = alphaLarger ? alpha : beta;
    double difference = Math.abs(alpha - beta);
    double secondParameter = alphaLarger ? s + 1 : r + h.x();
    double atTx =
        Hypergeometric2F1.logValue(sum, secondParameter, sum + 1, difference / (larger + h.tx()))
            - sum * Math.log(larger + h.tx());
    double atAge =
        Hypergeometric2F1.logValue(sum, secondParameter, sum + 1, difference / (larger + h.age()))
            - sum * Math.log(larger + h.age());
    if (atAge >= atTx) {
      return Double.NEGATIVE_INFINITY;
    }
    return atTx + Math.log(-Math.expm1(atAge - atTx));
  }
}
