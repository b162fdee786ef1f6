package io.ltvengine.jmh;

import io.ltvengine.model.BgNbd;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.Predictor;
import io.ltvengine.model.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Scoring one customer with BG/NBD and Gamma-Gamma (CDNOW parameters): P(alive), expected purchases
 * and discounted CLV over the horizon, as done per LTV update once a model is published.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
public class ScoringBenchmark {

  /** CLV horizon in weeks: one quarter and one year. */
  @Param({"13", "52"})
  public int horizonWeeks;

  private final CustomerHistory history = new CustomerHistory(3, 30, 38, 40, 1);
  private Predictor predictor;

  @org.openjdk.jmh.annotations.Setup
  public void setUp() {
    predictor = new Predictor(
        new BgNbd(0.243, 4.414, 0.793, 2.426), new GammaGamma(6.25, 3.74, 15.44), horizonWeeks, 0.002,
        TimeUnit.WEEKS);
  }

  @Benchmark
  public Predictor.Score score() {
    return predictor.score(history);
  }
}
