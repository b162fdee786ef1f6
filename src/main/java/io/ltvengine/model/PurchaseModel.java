package io.ltvengine.model;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * A buy-till-you-die model of purchase counts (BG/NBD, MBG/NBD, Pareto/NBD). Times are in the unit
 * the model was fitted in.
 */
public interface PurchaseModel {

  /** Name used by {@link PurchaseModels#create}, e.g. {@code bgnbd}. */
  String name();

  /** Parameters by their names in the papers, e.g. r, alpha, a, b. */
  Map<String, Double> parameters();

  /** Log-likelihood of one customer's history (its weight is ignored). */
  double logLikelihood(CustomerHistory history);

  /** Log-likelihood of a sample: sum of the rows' log-likelihoods times their weights. */
  default double logLikelihood(List<CustomerHistory> rows) {
    return rows.parallelStream().mapToDouble(h -> h.weight() * logLikelihood(h)).sum();
  }

  /** Probability that the customer is still active at the end of calibration. */
  double pAlive(CustomerHistory history);

  /** Expected number of purchases in (T, T + t] given the history. */
  double expectedPurchases(double t, CustomerHistory history);

  /**
   * Expected purchases in (T, T + k] for k = 0, 1, ..., horizon: the cumulative curve a CLV
   * discounts period by period. Models override this when the points can share work.
   */
  default double[] expectedPurchasesCurve(int horizon, CustomerHistory history) {
    double[] curve = new double[horizon + 1];
    for (int k = 1; k <= horizon; k++) {
      curve[k] = expectedPurchases(k, history);
    }
    return curve;
  }

  /**
   * Probability of no purchase in (T, T + t] given the history: the customer has dropped out, or is
   * still alive and stays silent that long. It is the chance that an alert "will not buy within t"
   * is right, so alerting where it reaches p gives alerts whose expected precision is at least p.
   */
  double probabilityOfNoPurchase(double t, CustomerHistory history);

  /**
   * The age T at which P(alive) of a customer with x repeat purchases, the last at tx, first falls
   * below {@code threshold}; tx if it already is; infinity if it never does. The streaming churn
   * scheduler uses this to know when to flag a silent customer.
   *
   * <p>P(alive) does not increase with age while x and tx stay fixed, so a bracketing root search
   * finds the crossing; models with a closed form override this.
   */
  default double ageWhenPAliveDropsBelow(double threshold, int x, double tx) {
    return firstAgeReaching(age -> 1 - pAlive(CustomerHistory.of(x, tx, age)), 1 - threshold, tx);
  }

  /**
   * The age T at which a customer with x repeat purchases, the last at tx, who stays silent has a
   * {@link #probabilityOfNoPurchase} over the next {@code t} of at least {@code probability}; tx if
   * it already has; infinity if it never does.
   */
  default double ageWhenSilenceLikely(double probability, double t, int x, double tx) {
    return firstAgeReaching(age -> probabilityOfNoPurchase(t, CustomerHistory.of(x, tx, age)), probability, tx);
  }

  /**
   * The first age from tx at which {@code rising}, which does not fall as a silent customer ages,
   * reaches {@code target}: the span doubles until it brackets the crossing, then a root search.
   */
  private static double firstAgeReaching(DoubleUnaryOperator rising, double target, double tx) {
    if (rising.applyAsDouble(tx) >= target) {
      return tx;
    }
    double span = 1;
    while (rising.applyAsDouble(tx + span) < target) {
      span *= 2;
      if (span > 1e12) {
        return Double.POSITIVE_INFINITY;
      }
    }
    return new BrentSolver(1e-9).solve(200, age -> rising.applyAsDouble(age) - target, tx, tx + span);
  }
}
