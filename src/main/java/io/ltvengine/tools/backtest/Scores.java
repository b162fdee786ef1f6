package io.ltvengine.tools.backtest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The measures of the backtest: how well predictions rank and match what customers did. */
final class Scores {

  private Scores() {}

  static double mean(List<Outcome> outcomes, ToDoubleFunction<Outcome> value) {
    return outcomes.stream().mapToDouble(value).average().orElse(Double.NaN);
  }

  static double sum(List<Outcome> outcomes, ToDoubleFunction<Outcome> value) {
    return outcomes.stream().mapToDouble(value).sum();
  }

  /** Mean absolute error of predicted against actual holdout purchases. */
  static double mae(List<Outcome> outcomes) {
    return mean(outcomes, o -> Math.abs(o.predictedPurchases() - o.actualPurchases()));
  }

  /** Mean squared error of P(alive) as the probability of buying again. */
  static double brier(List<Outcome> outcomes) {
    return mean(outcomes, o -> Math.pow(o.pAlive() - (o.buysAgain() ? 1 : 0), 2));
  }

  /** Area under the ROC curve of {@code score} for {@code positive}: Mann-Whitney, ties counting half. */
  static double auc(List<Outcome> outcomes, ToDoubleFunction<Outcome> score, Predicate<Outcome> positive) {
    double[] scores = outcomes.stream().mapToDouble(score).toArray();
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSum = 0;
    long positives = 0;
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double rank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        if (positive.test(outcomes.get(order[k]))) {
          rankSum += rank;
          positives++;
        }
      }
      start = end + 1;
    }
    long negatives = scores.length - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Gini of {@code actual} ordered by {@code predicted}, over the Gini of the perfect ordering. */
  static double normalizedGini(List<Outcome> outcomes, ToDoubleFunction<Outcome> predicted, ToDoubleFunction<Outcome> actual) {
    return gini(outcomes, predicted, actual) / gini(outcomes, actual, actual);
  }

  private static double gini(List<Outcome> outcomes, ToDoubleFunction<Outcome> order, ToDoubleFunction<Outcome> actual) {
    List<Outcome> sorted = outcomes.stream().sorted(Comparator.comparingDouble(order).reversed()).toList();
    double total = sum(sorted, actual);
    double cumulative = 0;
    double area = 0;
    for (Outcome outcome : sorted) {
      cumulative += actual.applyAsDouble(outcome);
      area += cumulative / total;
    }
    return area / sorted.size() - (sorted.size() + 1) / (2.0 * sorted.size());
  }

  /** Precision and recall of a flagged set for a label. */
  public record Hits(int flagged, double precision, double recall) {

    static Hits of(List<Outcome> outcomes, Predicate<Outcome> flagged, Predicate<Outcome> label) {
      long flaggedCount = outcomes.stream().filter(flagged).count();
      long hits = outcomes.stream().filter(flagged.and(label)).count();
      long labelled = outcomes.stream().filter(label).count();
      return new Hits((int) flaggedCount, ratio(hits, flaggedCount), ratio(hits, labelled));
    }
  }

  /** The {@code k} customers with the highest {@code score}. */
  static Predicate<Outcome> topK(List<Outcome> outcomes, ToDoubleFunction<Outcome> score, int k) {
    List<Outcome> top = outcomes.stream().sorted(Comparator.comparingDouble(score).reversed()).limit(k).toList();
    Set<String> ids = top.stream().map(Outcome::customerId).collect(Collectors.toSet());
    return outcome -> ids.contains(outcome.customerId());
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
