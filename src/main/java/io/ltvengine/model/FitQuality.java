package io.ltvengine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * How far a maximum-likelihood fit can be trusted: whether it stopped at a maximum, and the
 * standard errors of its parameters from the curvature of the log-likelihood there (the observed
 * information). Derivatives are central differences in log-parameters, where the fits search.
 *
 * <p>A fit that a search bound stopped (the data cannot identify a parameter, which then runs to
 * e^15 times its start) shows a log-likelihood that is flat or still rising: the curvature is not
 * that of a maximum, or a Newton step from the point would still move it by more than
 * {@link #MAX_NEWTON_STEP} in log terms.
 *
 * @param diagnosis why the fit is not at a maximum; empty when it is
 * @param standardErrors by parameter name; empty when the fit is not at a maximum
 */
public record FitQuality(boolean converged, String diagnosis, Map<String, Double> standardErrors) {

  private static final double STEP = 1e-4;
  private static final double MAX_NEWTON_STEP = 0.01;

  /** The quality of {@code parameters} (in the model's order) as a maximum of {@code logLikelihood}. */
  public static FitQuality of(ToDoubleFunction<double[]> logLikelihood, Map<String, Double> parameters) {
    List<String> names = new ArrayList<>(parameters.keySet());
    double[] logs = parameters.values().stream().mapToDouble(Math::log).toArray();
    ToDoubleFunction<double[]> inLogs = point -> logLikelihood.applyAsDouble(exp(point));
    RealVector gradient = MatrixUtils.createRealVector(gradient(inLogs, logs));
    RealMatrix information = hessian(inLogs, logs).scalarMultiply(-1);
    RealMatrix covariance;
    try {
      covariance = new CholeskyDecomposition(information).getSolver().getInverse();
    } catch (MathIllegalArgumentException notAMaximum) {
      return failed("the log-likelihood is not curved like a maximum at the fitted point: "
          + "the data cannot identify " + names + " (a search bound stopped the fit)");
    }
    RealVector newtonStep = covariance.operate(gradient);
    List<String> unsettled = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (!(Math.abs(newtonStep.getEntry(i)) <= MAX_NEWTON_STEP)) {
        unsettled.add(names.get(i));
      }
    }
    if (!unsettled.isEmpty()) {
      return failed("the log-likelihood still rises in " + unsettled
          + ": a search bound stopped the fit, the data cannot identify them");
    }
    Map<String, Double> errors = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      errors.put(names.get(i), Math.exp(logs[i]) * Math.sqrt(covariance.getEntry(i, i)));
    }
    return new FitQuality(true, "", errors);
  }

  private static FitQuality failed(String diagnosis) {
    return new FitQuality(false, diagnosis, Map.of());
  }

  private static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
    double[] gradient = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      gradient[i] = (f.applyAsDouble(shifted(x, i, STEP, i, 0)) - f.applyAsDouble(shifted(x, i, -STEP, i, 0))) / (2 * STEP);
    }
    return gradient;
  }

  private static RealMatrix hessian(ToDoubleFunction<double[]> f, double[] x) {
    int n = x.length;
    double center = f.applyAsDouble(x);
    RealMatrix hessian = MatrixUtils.createRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      double plus = f.applyAsDouble(shifted(x, i, STEP, i, 0));
      double minus = f.applyAsDouble(shifted(x, i, -STEP, i, 0));
      hessian.setEntry(i, i, (plus - 2 * center + minus) / (STEP * STEP));
      for (int j = 0; j < i; j++) {
        double value = (f.applyAsDouble(shifted(x, i, STEP, j, STEP)) - f.applyAsDouble(shifted(x, i, STEP, j, -STEP))
            - f.applyAsDouble(shifted(x, i, -STEP, j, STEP)) + f.applyAsDouble(shifted(x, i, -STEP, j, -STEP)))
            / (4 * STEP * STEP);
        hessian.setEntry(i, j, value);
        hessian.setEntry(j, i, value);
      }
    }
    return hessian;
  }

  /** {@code x} moved by {@code di} along i and {@code dj} along j. */
  private static double[] shifted(double[] x, int i, double di, int j, double dj) {
    double[] point = x.clone();
    point[i] += di;
    point[j] += dj;
    return point;
  }

  private static double[] exp(double[] logs) {
    double[] values = new double[logs.length];
    for (int i = 0; i < logs.length; i++) {
      values[i] = Math.exp(logs[i]);
    }
    return values;
  }
}
