package io.ltvengine.model;

import java.util.List;
import java.util.Map;
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
   * The age T at which P(alive) of a customer with x repeat purchases, the last at tx, first falls
   * below {@code threshold}; tx if it already is; infinity if it never does. The streaming churn
   * scheduler uses this to know when to flag a silent customer.
   *
   * <p>P(alive) does not increase with age while x and tx stay fixed, so a bracketing root search
   * finds the crossing; models with a closed form override this.
   */
  default double ageWhenPAliveDropsBelow(double threshold, int x, double tx) {
    if (pAlive(CustomerHistory.of(x, tx, tx)) < threshold) {
      return tx;
    }
    double span = 1;
    while (pAlive(CustomerHistory.of(x, tx, tx + span)) >= threshold) {
      span *= 2;
      if (span > 1e12) {
        return Double.POSITIVE_INFINITY;
      }
    }
    return new BrentSolver(1e-9)
        .solve(200, age -> pAlive(CustomerHistory.of(x, tx, age)) - threshold, tx, tx + span);
  }
}
