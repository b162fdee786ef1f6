package io.ltvengine.model;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximum-likelihood estimation of strictly positive parameters. The optimiser works on the logs of
 * the parameters, so every point it tries is valid; BOBYQA needs no gradient and few likelihood
 * evaluations, which matters when a sample has a million customers.
 */
final class MaximumLikelihood {

  /** Log-parameters are searched within +-LOG_RANGE of the starting point (a factor of ~e^15). */
  private static final double LOG_RANGE = 15;

  private static final double INITIAL_STEP = 0.5;
  private static final double FINAL_STEP = 1e-9;
  private static final int MAX_EVALUATIONS = 20_000;

  private MaximumLikelihood() {}

  /** Parameters maximising {@code logLikelihood}, searched from {@code start} (all &gt; 0). */
  static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double... start) {
    double[] logStart = Arrays.stream(start).map(Math::log).toArray();
    double[] lower = Arrays.stream(logStart).map(v -> v - LOG_RANGE).toArray();
    double[] upper = Arrays.stream(logStart).map(v -> v + LOG_RANGE).toArray();
    var optimizer = new BOBYQAOptimizer(2 * start.length + 1, INITIAL_STEP, FINAL_STEP);
    double[] best =
        optimizer
            .optimize(
                new MaxEval(MAX_EVALUATIONS),
                new ObjectiveFunction(logParams -> evaluate(logLikelihood, exp(logParams))),
                GoalType.MAXIMIZE,
                new InitialGuess(logStart),
                new SimpleBounds(lower, upper))
            .getPoint();
    return exp(best);
  }

  /**
   * The log-likelihood, or the worst possible value where it cannot be evaluated (e.g. a 2F1 series
   * that does not converge at extreme trial parameters), which steers the optimiser away.
   */
  private static double evaluate(ToDoubleFunction<double[]> logLikelihood, double[] parameters) {
    try {
      double value = logLikelihood.applyAsDouble(parameters);
      return Double.isFinite(value) ? value : -Double.MAX_VALUE;
    } catch (ArithmeticException e) {
      return -Double.MAX_VALUE;
    }
  }

  private static double[] exp(double[] logs) {
    return Arrays.stream(logs).map(Math::exp).toArray();
  }
}
