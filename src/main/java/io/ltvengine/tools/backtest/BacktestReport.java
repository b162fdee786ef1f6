package io.ltvengine.tools.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How what the engine served at the calibration end compares with what customers did in the
 * holdout period: purchase counts in total, by calibration frequency (Fader, Hardie and Lee's
 * validation table) and by decile of prediction; how well value and P(alive) rank customers; and
 * how good the open churn alerts are at naming the customers who do not buy again.
 */
public record BacktestReport(String model, List<Outcome> outcomes) {

  /** Fader, Hardie and Lee group calibration frequencies 0 to 6, and 7 or more. */
  private static final int TOP_FREQUENCY = 7;
  private static final int DECILES = 10;

  /** One row of a table of means: customers, mean actual and mean predicted holdout purchases. */
  public record Row(String group, int customers, double actual, double predicted) {}

  double actualTotal() {
    return Scores.sum(outcomes, Outcome::actualPurchases);
  }

  double predictedTotal() {
    return Scores.sum(outcomes, Outcome::predictedPurchases);
  }

  List<Row> byFrequency() {
    List<Row> rows = new ArrayList<>();
    for (int x = 0; x <= TOP_FREQUENCY; x++) {
      int frequency = x;
      List<Outcome> group = outcomes.stream()
          .filter(o -> frequency == TOP_FREQUENCY ? o.calibrationRepeats() >= TOP_FREQUENCY : o.calibrationRepeats() == frequency)
          .toList();
      rows.add(row(x == TOP_FREQUENCY ? TOP_FREQUENCY + "+" : String.valueOf(x), group));
    }
    return rows;
  }

  List<Row> byDecile() {
    List<Outcome> sorted = outcomes.stream().sorted(Comparator.comparingDouble(Outcome::predictedPurchases).reversed()).toList();
    List<Row> rows = new ArrayList<>();
    for (int decile = 0; decile < DECILES; decile++) {
      List<Outcome> group = sorted.subList(sorted.size() * decile / DECILES, sorted.size() * (decile + 1) / DECILES);
      rows.add(row(String.valueOf(decile + 1), group));
    }
    return rows;
  }

  Scores.Hits alerts() {
    return Scores.Hits.of(outcomes, o -> o.served().alerted(), o -> !o.buysAgain());
  }

  /** The same number of customers as were alerted, taken by 1 - P(alive). */
  Scores.Hits topByPAlive() {
    int k = alerts().flagged();
    return Scores.Hits.of(outcomes, Scores.topK(outcomes, o -> 1 - o.pAlive(), k), o -> !o.buysAgain());
  }

  /** The same number of customers as were alerted, taken by the churn probability. */
  Scores.Hits topByChurnProbability() {
    int k = alerts().flagged();
    return Scores.Hits.of(outcomes, Scores.topK(outcomes, Outcome::churnProbability, k), o -> !o.buysAgain());
  }

  double churnProbabilityAuc() {
    return Scores.auc(outcomes, o -> 1 - o.churnProbability(), Outcome::buysAgain);
  }

  private static Row row(String group, List<Outcome> outcomes) {
    return new Row(group, outcomes.size(), Scores.mean(outcomes, Outcome::actualPurchases),
        Scores.mean(outcomes, Outcome::predictedPurchases));
  }

  /** Every figure, for machines. */
  public Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", model);
    json.put("customers", outcomes.size());
    json.put("actualRepeatPurchases", actualTotal());
    json.put("predictedRepeatPurchases", predictedTotal());
    json.put("byCalibrationFrequency", byFrequency());
    json.put("mae", Scores.mae(outcomes));
    json.put("normalizedGiniClvVsSpend", Scores.normalizedGini(outcomes, Outcome::predictedClv, Outcome::actualSpend));
    json.put("deciles", byDecile());
    json.put("pAliveAuc", Scores.auc(outcomes, Outcome::pAlive, Outcome::buysAgain));
    json.put("pAliveBrier", Scores.brier(outcomes));
    json.put("churnProbabilityAuc", churnProbabilityAuc());
    json.put("alerts", alerts());
    json.put("topKByPAlive", topByPAlive());
    json.put("topKByChurnProbability", topByChurnProbability());
    return json;
  }

  /** The figures as a person reads them. */
  public String table() {
    StringBuilder text = new StringBuilder();
    text.append(format("Backtest of %s on %d customers%n", model, outcomes.size()));
    text.append(format("Holdout repeat purchases: actual %.1f, predicted %.1f%n", actualTotal(), predictedTotal()));
    text.append(rows("By calibration frequency x", byFrequency()));
    text.append(rows("By decile of predicted purchases", byDecile()));
    text.append(format("Customer MAE %.4f | normalized Gini of CLV vs holdout spend %.4f%n",
        Scores.mae(outcomes), Scores.normalizedGini(outcomes, Outcome::predictedClv, Outcome::actualSpend)));
    text.append(format("P(alive) for buying again: AUC %.4f, Brier %.4f%n",
        Scores.auc(outcomes, Outcome::pAlive, Outcome::buysAgain), Scores.brier(outcomes)));
    text.append(format("1 - churn probability (no purchase within the holdout) for buying again: AUC %.4f%n",
        churnProbabilityAuc()));
    text.append(hits("Open churn alerts", alerts()));
    text.append(hits("Top K by 1 - P(alive)", topByPAlive()));
    text.append(hits("Top K by churn probability", topByChurnProbability()));
    return text.toString();
  }

  private static String rows(String title, List<Row> rows) {
    StringBuilder text = new StringBuilder(format("%s:%n  %-6s %9s %9s %9s%n", title, "group", "customers", "actual", "predicted"));
    rows.forEach(r -> text.append(format("  %-6s %9d %9.3f %9.3f%n", r.group(), r.customers(), r.actual(), r.predicted())));
    return text.toString();
  }

  private static String hits(String title, Scores.Hits hits) {
    return format("%s (\"does not buy in the holdout\"): %d customers, precision %.3f, recall %.3f%n",
        title, hits.flagged(), hits.precision(), hits.recall());
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
