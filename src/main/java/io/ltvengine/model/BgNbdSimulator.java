package io.ltvengine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Simulates customers from the BG/NBD story, to check that fitting recovers known parameters and to
 * measure fitting speed. Shaped like CDNOW: first purchases spread over 12 weeks, calibration
 * ending 39 weeks after the start; times in weeks, rounded to whole days as real data would be.
 */
public final class BgNbdSimulator {

  private static final int ACQUISITION_DAYS = 84;
  private static final int CALIBRATION_DAYS = 273;
  private static final double DAYS_PER_WEEK = 7;

  private final double r;
  private final double alpha;
  private final double a;
  private final double b;

  /** Simulates customers whose true parameters are those of {@code truth}. */
  public BgNbdSimulator(BgNbd truth) {
    Map<String, Double> p = truth.parameters();
    this.r = p.get("r");
    this.alpha = p.get("alpha");
    this.a = p.get("a");
    this.b = p.get("b");
  }

  public List<CustomerHistory> simulate(int customers, long seed) {
    RandomDataGenerator random = new RandomDataGenerator(seed);
    List<CustomerHistory> histories = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      histories.add(simulateOne(random));
    }
    return histories;
  }

  private CustomerHistory simulateOne(RandomDataGenerator random) {
    int firstDay = random.nextInt(0, ACQUISITION_DAYS - 1);
    double age = (CALIBRATION_DAYS - firstDay) / DAYS_PER_WEEK;
    double lambda = random.nextGamma(r, 1 / alpha);
    double p = random.nextBeta(a, b);
    int x = 0;
    double tx = 0;
    double t = random.nextExponential(1 / lambda);
    while (t <= age) {
      x++;
      tx = t;
      if (random.nextDouble() < p) {
        break;
      }
      t += random.nextExponential(1 / lambda);
    }
    return CustomerHistory.of(x, Math.min(roundToDay(tx), age), age);
  }

  private static double roundToDay(double weeks) {
    return Math.round(weeks * DAYS_PER_WEEK) / DAYS_PER_WEEK;
  }
}
