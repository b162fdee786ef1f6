package io.ltvengine.model;

import java.util.List;
import java.util.Map;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * MBG/NBD model of Batislam, Denizel and Filiztekin (2007), "Empirical validation and comparison of
 * models for customer base analysis", IJRM 24(3) (also Wagner and Hoppe 2008). As BG/NBD, but the
 * customer may also drop out right after the first purchase, so P(alive) &lt; 1 even without repeat
 * purchases. It has one more drop-out opportunity than BG/NBD, which replaces b + x - 1 by b + x in
 * the formulas.
 */
public final class ModifiedBgNbd implements PurchaseModel {

  public static final String NAME = "mbgnbd";

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;
  private final double logLikelihoodConstant;

  public ModifiedBgNbd(double r, double alpha, double a, double b) {
    this.r = r;
    this.alpha = alpha;
    this.a = a;
    this.b = b;
    this.logLikelihoodConstant = -Gamma.logGamma(r) + r * Math.log(alpha) - Beta.logBeta(a, b);
  }

  static ModifiedBgNbd fromParameters(Map<String, Double> p) {
    return new ModifiedBgNbd(p.get("r"), p.get("alpha"), p.get("a"), p.get("b"));
  }

  /** Maximum-likelihood fit on (preferably grouped) customer histories. */
  public static ModifiedBgNbd fit(List<CustomerHistory> rows) {
    double[] p =
        MaximumLikelihood.maximise(
            v -> new ModifiedBgNbd(v[0], v[1], v[2], v[3]).logLikelihood(rows),
            1,
            BgNbd.meanAge(rows),
            1,
            1);
    return new ModifiedBgNbd(p[0], p[1], p[2], p[3]);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> parameters() {
    return Parameters.named(new String[] {"r", "alpha", "a", "b"}, r, alpha, a, b);
  }

  /**
   * Likelihood of Batislam et al. (2007): B(a, b+x+1)/B(a, b) Gamma(r+x) alpha^r / Gamma(r) times
   * [(alpha+T)^-(r+x) + a/(b+x) (alpha+tx)^-(r+x)], the second term now also for x = 0.
   */
  @Override
  public double logLikelihood(CustomerHistory h) {
    int x = h.x();
    double common = logLikelihoodConstant + Gamma.logGamma(r + x) + Beta.logBeta(a, b + x + 1);
    double stillActive = -(r + x) * Math.log(alpha + h.age());
    double droppedOut = Math.log(a / (b + x)) - (r + x) * Math.log(alpha + h.tx());
    return common + BgNbd.logSumExp(stillActive, droppedOut);
  }

  /** P(alive) of Batislam et al. (2007): 1 / (1 + a/(b+x) ((alpha+T)/(alpha+tx))^(r+x)). */
  @Override
  public double pAlive(CustomerHistory h) {
    double logOdds =
        Math.log(a / (b + h.x())) + (r + h.x()) * Math.log1p((h.age() - h.tx()) / (alpha + h.tx()));
    return 1 / (1 + Math.exp(logOdds));
  }

  /** As in BG/NBD: dropout only happens at a purchase, so an active silent customer stays active. */
  @Override
  public double probabilityOfNoPurchase(double t, CustomerHistory h) {
    return BgNbd.silentOrGone(pAlive(h), r + h.x(), alpha + h.age(), t);
  }

  /**
   * Conditional expectation of Batislam et al. (2007). An active customer's drop-out probability
   * has the posterior Beta(a, b+x+1), one opportunity more than in BG/NBD, hence BG/NBD's formula
   * with b+1.
   */
  @Override
  public double expectedPurchases(double t, CustomerHistory h) {
    return pAlive(h) * BgNbd.expectedPurchasesIfActive(r, alpha, a, b + 1, h.x(), h.age(), t);
  }

  @Override
  public double[] expectedPurchasesCurve(int horizon, CustomerHistory h) {
    return BgNbd.expectedPurchasesCurveIfActive(
        r, alpha, a, b + 1, h.x(), h.age(), horizon, pAlive(h));
  }

  @Override
  public double ageWhenPAliveDropsBelow(double threshold, int x, double tx) {
    return BgNbd.ageWhereLogOddsReach(threshold, Math.log(a / (b + x)), r + x, alpha, tx);
  }
}
