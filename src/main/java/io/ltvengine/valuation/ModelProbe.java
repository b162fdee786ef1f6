package io.ltvengine.valuation;

import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tries a published parameter set on extreme histories before the engine uses it: new and
 * long-quiet customers, heavy buyers, tiny and huge ages. A parameter set that cannot score them
 * all to finite figures would make scoring fail for real customers, so it is refused.
 */
final class ModelProbe {

  private static final int[] REPEATS = {0, 1, 19, 200};
  private static final double[] AGES = {0.01, 1, 52, 520};
  private static final double[] RECENCY_SHARES = {0, 0.5, 1};
  private static final double SPEND = 50;

  private static final List<CustomerHistory> HISTORIES = histories();

  private ModelProbe() {}

  /** What is wrong with the predictor's figures on the probe histories, if anything. */
  static Optional<String> problem(Predictor predictor) {
    for (CustomerHistory history : HISTORIES) {
      Optional<String> problem = problem(predictor, history);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> problem(Predictor predictor, CustomerHistory history) {
    try {
      Predictor.Score score = predictor.score(history);
      boolean sane = score.pAlive() >= 0 && score.pAlive() <= 1
          && Double.isFinite(score.expectedPurchases()) && score.expectedPurchases() >= 0
          && Double.isFinite(score.expectedAvgSpend()) && Double.isFinite(score.clv());
      return sane ? Optional.empty() : Optional.of("scores " + history + " as " + score);
    } catch (RuntimeException e) {
      return Optional.of("cannot score " + history + ": " + e.getMessage());
    }
  }

  private static List<CustomerHistory> histories() {
    List<CustomerHistory> histories = new ArrayList<>();
    for (int x : REPEATS) {
      for (double age : AGES) {
        for (double share : RECENCY_SHARES) {
          double tx = x == 0 ? 0 : share * age;
          histories.add(new CustomerHistory(x, tx, age, SPEND, 1));
        }
      }
    }
    return List.copyOf(histories);
  }
}
