package io.ltvengine.tools.backtest;

import io.ltvengine.model.BgNbd;
import io.ltvengine.model.CustomerHistory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How far the engine's alerts and P(alive) are from the best achievable from what can be observed:
 * an oracle that knows the simulator's true population parameters ranks customers by their true
 * probability of not buying in the holdout, P(alive) (1 - ((alpha+T)/(alpha+T+t))^(r+x)) away
 * from 1, and takes as many as the engine alerted; beside it, the rhythm rule alone, without a model.
 *
 * @param engine the engine's open alerts
 * @param oracle the oracle's as many
 * @param rhythmOnly the open alerts of the engine without a published model
 * @param oracleAtRhythm the oracle's as many as the rhythm rule's
 */
public record OracleComparison(
    Scores.Hits engine, Scores.Hits oracle, Scores.Hits rhythmOnly, Scores.Hits oracleAtRhythm, Auc auc) {

  /**
   * @param engine of the engine's P(alive)
   * @param oraclePAlive of the true P(alive)
   * @param engineChurn of the engine's 1 - churn probability
   * @param oracleBest of the true probability of buying in the holdout: the best ranking achievable
   */
  public record Auc(double engine, double oraclePAlive, double engineChurn, double oracleBest) {}

  static OracleComparison of(
      List<Outcome> outcomes, Map<String, CustomerHistory> calibration, BgNbd truth, double holdoutWeeks,
      Set<String> rhythmAlerts) {
    ToDoubleFunction<Outcome> quiet = o -> truth.probabilityOfNoPurchase(holdoutWeeks, calibration.get(o.customerId()));
    ToDoubleFunction<Outcome> truePAlive = o -> truth.pAlive(calibration.get(o.customerId()));
    Scores.Hits engine = Scores.Hits.of(outcomes, o -> o.served().alerted(), o -> !o.buysAgain());
    Scores.Hits rhythm = Scores.Hits.of(outcomes, o -> rhythmAlerts.contains(o.customerId()), o -> !o.buysAgain());
    return new OracleComparison(engine, oracleAt(outcomes, quiet, engine.flagged()), rhythm,
        oracleAt(outcomes, quiet, rhythm.flagged()), new Auc(
        Scores.auc(outcomes, Outcome::pAlive, Outcome::buysAgain),
        Scores.auc(outcomes, truePAlive, Outcome::buysAgain),
        Scores.auc(outcomes, o -> 1 - o.churnProbability(), Outcome::buysAgain),
        Scores.auc(outcomes, o -> 1 - quiet.applyAsDouble(o), Outcome::buysAgain)));
  }

  private static Scores.Hits oracleAt(List<Outcome> outcomes, ToDoubleFunction<Outcome> quiet, int k) {
    return Scores.Hits.of(outcomes, Scores.topK(outcomes, quiet, k), o -> !o.buysAgain());
  }

  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("engineAlerts", engine);
    json.put("oracleAtSameK", oracle);
    json.put("rhythmRuleAlone", rhythmOnly);
    json.put("oracleAtRhythmK", oracleAtRhythm);
    json.put("precisionVsOracle", engine.precision() / oracle.precision());
    json.put("recallVsOracle", engine.recall() / oracle.recall());
    json.put("auc", auc);
    return json;
  }

  public String table() {
    return String.format(Locale.ROOT,
        "Against the oracle (true population parameters), \"does not buy in the holdout\":%n"
            + "  %-28s %9s %9s %9s%n" + row() + row() + row() + row()
            + "  engine / oracle: precision %.3f, recall %.3f (goal: both at least 0.95)%n"
            + "  rhythm rule / oracle: precision %.3f, recall %.3f%n"
            + "  AUC for buying again: engine's P(alive) %.4f, true P(alive) %.4f;%n"
            + "    engine's 1 - churn probability %.4f, the best achievable (true P(buys in the holdout)) %.4f"
            + " (goal: within 0.01)%n",
        "", "alerts", "precision", "recall",
        "engine's open alerts", engine.flagged(), engine.precision(), engine.recall(),
        "oracle, as many", oracle.flagged(), oracle.precision(), oracle.recall(),
        "rhythm rule alone", rhythmOnly.flagged(), rhythmOnly.precision(), rhythmOnly.recall(),
        "oracle, as many as rhythm", oracleAtRhythm.flagged(), oracleAtRhythm.precision(), oracleAtRhythm.recall(),
        engine.precision() / oracle.precision(), engine.recall() / oracle.recall(),
        rhythmOnly.precision() / oracleAtRhythm.precision(), rhythmOnly.recall() / oracleAtRhythm.recall(),
        auc.engine(), auc.oraclePAlive(), auc.engineChurn(), auc.oracleBest());
  }

  private static String row() {
    return "  %-28s %9d %9.3f %9.3f%n";
  }
}
