package io.ltvengine.model;

import java.util.List;
import java.util.Map;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * BG/NBD model of Fader, Hardie and Lee (2005), "Counting your customers the easy way", Marketing
 * Science 24(2). While active a customer buys at Poisson rate lambda ~ Gamma(r, alpha); after each
 * purchase they drop out with probability p ~ Beta(a, b). Equation numbers refer to the paper.
 */
public final class BgNbd implements PurchaseModel {

  public static final String NAME = "bgnbd";

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;

  /** Parameter-only terms of the log-likelihood, computed once per parameter set. */
  private final double rLogAlpha;

  private final double logGammaR;
  private final double logBetaAB;

  public BgNbd(double r, double alpha, double a, double b) {
    this.r = r;
    this.alpha = alpha;
    this.a = a;
    this.b = b;
    this.rLogAlpha = r * Math.log(alpha);
    this.logGammaR = Gamma.logGamma(r);
    this.logBetaAB = Beta.logBeta(a, b);
  }

  static BgNbd fromParameters(Map<String, Double> p) {
    return new BgNbd(p.get("r"), p.get("alpha"), p.get("a"), p.get("b"));
  }

  /** Maximum-likelihood fit on (preferably grouped) customer histories. */
  public static BgNbd fit(List<CustomerHistory> rows) {
    double[] p =
        MaximumLikelihood.maximise(
            v -> new BgNbd(v[0], v[1], v[2], v[3]).logLikelihood(rows), 1, meanAge(rows), 1, 1);
    return new BgNbd(p[0], p[1], p[2], p[3]);
  }

  static double meanAge(List<CustomerHistory> rows) {
    double weight = rows.stream().mapToDouble(CustomerHistory::weight).sum();
    double age = rows.stream().mapToDouble(h -> h.weight() * h.age()).sum() / weight;
    return Math.max(age, 1e-3);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return Parameters.named(new String[] {"r", "alpha", "a", "b"}, r, alpha, a, b);
  }

  /** Equation (6), in log space: ln of [A + delta(x &gt; 0) B] via log-sum-exp. */
  @Override
  public double logLikelihood(CustomerHistory h) {
    int x = h.x();
    double countTerm = Gamma.logGamma(r + x) - logGammaR + Beta.logBeta(a, b + x) - logBetaAB;
    return logLikelihood(h, countTerm);
  }

  /**
   * Equation (6) summed over weighted rows. The terms that depend on x only are tabulated once per
   * call by recurrence instead of per row by log-gamma, which is what makes a fit on a million
   * customers take seconds.
   */
  @Override
  public double logLikelihood(List<CustomerHistory> rows) {
    double[] countTerms = countTerms(rows.stream().mapToInt(CustomerHistory::x).max().orElse(0));
    return rows.parallelStream()
        .mapToDouble(h -> h.weight() * logLikelihood(h, countTerms[h.x()]))
        .sum();
  }

  /**
   * ln[Gamma(r+x)/Gamma(r)] + ln[B(a, b+x)/B(a, b)] for x = 0..maxX, from Gamma(r+x+1) = (r+x)
   * Gamma(r+x) and B(a, b+x+1) = B(a, b+x) (b+x)/(a+b+x).
   */
  private double[] countTerms(int maxX) {
    double[] terms = new double[maxX + 1];
    for (int x = 1; x <= maxX; x++) {
      terms[x] = terms[x - 1] + Math.log((r + x - 1) * (b + x - 1) / (a + b + x - 1));
    }
    return terms;
  }

  private double logLikelihood(CustomerHistory h, double countTerm) {
    int x = h.x();
    double common = rLogAlpha + countTerm;
    double stillActive = -(r + x) * Math.log(alpha + h.age());
    if (x == 0) {
      return common + stillActive;
    }
    // B(a+1, b+x-1) / B(a, b+x) = a / (b+x-1)
    double droppedOut = Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + h.tx());
    return common + logSumExp(stillActive, droppedOut);
  }

  /**
   * P(alive) (Fader, Hardie and Lee, "Computing P(alive) using the BG/NBD model"): 1 / (1 + delta(x
   * &gt; 0) a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x)).
   */
  @Override
  public double pAlive(CustomerHistory h) {
    if (h.x() == 0) {
      return 1;
    }
    return 1 / (1 + Math.exp(logOddsOfDropout(h.x(), h.tx(), h.age())));
  }

  private double logOddsOfDropout(int x, double tx, double age) {
    return Math.log(a / (b + x - 1)) + (r + x) * Math.log1p((age - tx) / (alpha + tx));
  }

  /**
   * Dropped out, or alive and silent: dropout only follows a purchase, so a customer alive at T who
   * makes none stays alive, with purchase rate lambda ~ Gamma(r+x, alpha+T) given the history.
   */
  @Override
  public double probabilityOfNoPurchase(double t, CustomerHistory h) {
    return silentOrGone(pAlive(h), r + h.x(), alpha + h.age(), t);
  }

  /** 1 - P(alive) + P(alive) E[e^(-lambda t)] for lambda ~ Gamma(shape, rate). */
  static double silentOrGone(double pAlive, double shape, double rate, double t) {
    return 1 - pAlive + pAlive * Math.exp(-shape * Math.log1p(t / rate));
  }

  /** Equation (10): P(alive) times the expected purchases of an active customer. */
  @Override
  public double expectedPurchases(double t, CustomerHistory h) {
    return pAlive(h) * expectedPurchasesIfActive(r, alpha, a, b, h.x(), h.age(), t);
  }

  /**
   * The numerator of equation (10): (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x,
   * b+x; a+b+x-1; z)], z = t/(alpha+T+t). Euler's transformation turns the power and the 2F1 into
   * (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), whose parameters stay small for any x. Taken in
   * logs, {@link Hypergeometric2F1#logValue} picks whichever form stays finite: the untransformed
   * one when a and b are huge (a = 46,648, b = 916,358 is a real fit), where the transformed
   * series overflows.
   */
  static double expectedPurchasesIfActive(
      double r, double alpha, double a, double b, int x, double age, double t) {
    double z = t / (alpha + age + t);
    return (a + b + x - 1) / (a - 1) * (1 - remainingShare(r, a, b, x, z));
  }

  /** (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), through its logarithm. */
  private static double remainingShare(double r, double a, double b, int x, double z) {
    return Math.exp((a - 1) * Math.log1p(-z) + Hypergeometric2F1.logValue(a + b - 1 - r, a - 1, a + b + x - 1, z));
  }

  @Override
  public double[] expectedPurchasesCurve(int horizon, CustomerHistory h) {
    return expectedPurchasesCurveIfActive(r, alpha, a, b, h.x(), h.age(), horizon, pAlive(h));
  }

  /**
   * {@link #expectedPurchasesIfActive} at t = 0..horizon, times {@code pAlive}. The points share
   * one 2F1 series, which makes a CLV cost about as much as a single expectation; where that series
   * overflows, each point is taken in logs.
   */
  static double[] expectedPurchasesCurveIfActive(
      double r, double alpha, double a, double b, int x, double age, int horizon, double pAlive) {
    double[] z = new double[horizon + 1];
    for (int k = 0; k <= horizon; k++) {
      z[k] = k / (alpha + age + k);
    }
    double scale = pAlive * (a + b + x - 1) / (a - 1);
    double[] curve = new double[horizon + 1];
    double[] f;
    try {
      f = Hypergeometric2F1.series(a + b - 1 - r, a - 1, a + b + x - 1, z);
    } catch (ArithmeticException overflow) {
      for (int k = 1; k <= horizon; k++) {
        curve[k] = scale * (1 - remainingShare(r, a, b, x, z[k]));
      }
      return curve;
    }
    double logStart = Math.log(alpha + age);
    for (int k = 1; k <= horizon; k++) {
      // (1 - z)^(a-1) with 1 - z = (alpha+T)/(alpha+T+k); Math.log is much cheaper than log1p.
      double power = Math.exp((a - 1) * (logStart - Math.log(alpha + age + k)));
      curve[k] = scale * (1 - power * f[k]);
    }
    return curve;
  }

  /** Equation (7): E[X(t)] for a customer who has just made the first purchase. */
  public double expectedPurchasesOfNewCustomer(double t) {
    double z = t / (alpha + t);
    double f = Hypergeometric2F1.value(r, b, a + b - 1, z);
    return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * f);
  }

  /**
   * Equation (8): P(X(t) = n) for a new customer. The sum of negative binomial probabilities in the
   * second term is the NBD tail P(N &gt;= n) = I_{t/(alpha+t)}(n, r).
   */
  public double probabilityOfPurchases(int n, double t) {
    double logP0 = Math.log(alpha / (alpha + t));
    double logQ = Math.log(t / (alpha + t));
    double first =
        Math.exp(
            Beta.logBeta(a, b + n)
                - logBetaAB
                + Gamma.logGamma(r + n)
                - logGammaR
                - Gamma.logGamma(n + 1.0)
                + r * logP0
                + (n == 0 ? 0 : n * logQ));
    if (n == 0) {
      return first;
    }
    double tail = Beta.regularizedBeta(t / (alpha + t), n, r);
    return first + Math.exp(Beta.logBeta(a + 1, b + n - 1) - logBetaAB) * tail;
  }

  /**
   * Closed form from P(alive): P(alive) &lt; threshold once (r+x) ln((alpha+T)/(alpha+tx)) exceeds
   * ln((1-threshold)/threshold) - ln(a/(b+x-1)). A customer without repeat purchases is alive with
   * certainty in the BG/NBD story.
   */
  @Override
  public double ageWhenPAliveDropsBelow(double threshold, int x, double tx) {
    if (x == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return ageWhereLogOddsReach(threshold, Math.log(a / (b + x - 1)), r + x, alpha, tx);
  }

  /** Solves base + exponent ln((alpha+T)/(alpha+tx)) = logit(1 - threshold) for T &gt;= tx. */
  static double ageWhereLogOddsReach(
      double threshold, double base, double exponent, double alpha, double tx) {
    double needed = Math.log((1 - threshold) / threshold) - base;
    if (needed < 0) {
      return tx;
    }
    return (alpha + tx) * Math.exp(needed / exponent) - alpha;
  }

  static double logSumExp(double u, double v) {
    double max = Math.max(u, v);
    if (Math.min(u, v) == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(u, v) - max));
  }
}
