package io.ltvengine.model;

import java.util.Arrays;

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real z &lt; 1, as needed by the BG/NBD,
 * MBG/NBD, Pareto/NBD and sBG models.
 *
 * <p>The power series is summed directly, after choosing between two equivalent representations so
 * the terms stay small:
 *
 * <ul>
 *   <li>Pfaff: 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1)) maps z &lt; 0 into [0, 1);
 *   <li>Euler: 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z) is used when it has the smaller
 *       numerator parameters (e.g. BG/NBD with thousands of purchases, where a and b are large but
 *       c-a and c-b are small).
 * </ul>
 *
 * The series either converges to full double precision or an {@link ArithmeticException} says why
 * not; it never returns a silently truncated value.
 */
public final class Hypergeometric2F1 {

  private static final int MAX_TERMS = 1_000_000;
  private static final double RELATIVE_TOLERANCE = 1e-16;

  private Hypergeometric2F1() {}

  /**
   * 2F1(a, b; c; z) for z &lt; 1; throws if the value overflows a double (use {@link #logValue}).
   */
  public static double value(double a, double b, double c, double z) {
    checkArguments(a, b, c, z);
    double value;
    if (z < 0) {
      value = Math.pow(1 - z, -a) * value(a, c - b, c, z / (z - 1));
    } else if (preferEuler(a, b, c)) {
      value = Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
    } else {
      value = series(a, b, c, z);
    }
    if (!Double.isFinite(value)) {
      throw failure("value overflows a double", a, b, c, z);
    }
    return value;
  }

  /**
   * Natural log of |2F1(a, b; c; z)|, for z &lt; 1. Use this when the prefactor of a transformation
   * would overflow (large parameters, z close to 1).
   */
  public static double logValue(double a, double b, double c, double z) {
    checkArguments(a, b, c, z);
    if (z < 0) {
      return -a * Math.log1p(-z) + logValue(a, c - b, c, z / (z - 1));
    }
    if (preferEuler(a, b, c)) {
      return (c - a - b) * Math.log1p(-z) + Math.log(Math.abs(series(c - a, c - b, c, z)));
    }
    return Math.log(Math.abs(series(a, b, c, z)));
  }

  private static boolean preferEuler(double a, double b, double c) {
    return Math.abs((c - a) * (c - b)) < Math.abs(a * b);
  }

  /** Sum of the Gauss series for 0 &lt;= z &lt; 1: sum_n (a)_n (b)_n / ((c)_n n!) z^n. */
  static double series(double a, double b, double c, double z) {
    double term = 1;
    double sum = 1;
    for (int n = 0; n < MAX_TERMS; n++) {
      double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      term *= ratio;
      sum += term;
      if (!Double.isFinite(sum)) {
        throw failure("series overflowed", a, b, c, z);
      }
      if (converged(term, sum, ratio)) {
        return sum;
      }
    }
    throw failure("series did not converge in " + MAX_TERMS + " terms", a, b, c, z);
  }

  /**
   * The Gauss series at several points at once, for 0 &lt;= z[0] &lt;= ... &lt;= z[m-1] &lt; 1,
   * sharing each coefficient (a)_n (b)_n / ((c)_n n!) between the points. The terms are largest at
   * the last point, so its convergence ends the sum. Callers choose the representation.
   */
  static double[] series(double a, double b, double c, double[] z) {
    int last = z.length - 1;
    double[] term = new double[z.length];
    double[] sum = new double[z.length];
    Arrays.fill(term, 1);
    Arrays.fill(sum, 1);
    for (int n = 0; n < MAX_TERMS; n++) {
      double coefficient = (a + n) * (b + n) / ((c + n) * (n + 1));
      for (int k = 0; k <= last; k++) {
        term[k] *= coefficient * z[k];
        sum[k] += term[k];
      }
      if (!Double.isFinite(sum[last])) {
        throw failure("series overflowed", a, b, c, z[last]);
      }
      if (converged(term[last], sum[last], coefficient * z[last])) {
        return sum;
      }
    }
    throw failure("series did not converge in " + MAX_TERMS + " terms", a, b, c, z[last]);
  }

  /** A small term only ends a sum once the terms are shrinking for good. */
  private static boolean converged(double term, double sum, double ratio) {
    return term == 0
        || (Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum) && Math.abs(ratio) < 1);
  }

  private static void checkArguments(double a, double b, double c, double z) {
    if (!(z < 1) || Double.isNaN(a + b + c + z)) {
      throw failure("needs finite parameters and z < 1", a, b, c, z);
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw failure("c must not be a non-positive integer", a, b, c, z);
    }
  }

  private static ArithmeticException failure(
      String reason, double a, double b, double c, double z) {
    return new ArithmeticException(String.format("2F1(%s, %s; %s; %s): %s", a, b, c, z, reason));
  }
}
