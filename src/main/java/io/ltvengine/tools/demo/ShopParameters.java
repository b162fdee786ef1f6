package io.ltvengine.tools.demo;

import java.time.Instant;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Everything that shapes the simulated shop. Rates are per shop day and money is in euro cents.
 *
 * @param seed makes the whole event stream reproducible
 * @param start shop time of the first customer's arrival
 * @param newCustomersPerDay rate of the Poisson process of customer acquisitions
 * @param buying the BG/NBD population the customers are drawn from
 * @param spend the Gamma-Gamma population of order values
 * @param noise how often real-world mess (refunds, duplicates, bad records) is mixed in
 */
public record ShopParameters(
    long seed,
    Instant start,
    double newCustomersPerDay,
    BuyingPrior buying,
    SpendPrior spend,
    Noise noise) {

  /** A shop of long-tailed buyers: a median customer buys every few weeks and soon drifts away. */
  public static ShopParameters defaults(long seed, Instant start) {
    return new ShopParameters(
        seed,
        start,
        20,
        new BuyingPrior(0.9, 30, 1.2, 4.0),
        new SpendPrior(6, 4, 2250),
        new Noise(0.05, 0.01, 0.02, 0.005));
  }

  public ShopParameters withNewCustomersPerDay(double perDay) {
    return new ShopParameters(seed, start, perDay, buying, spend, noise);
  }

  /**
   * The acquisition rate at which the shop takes about {@code ordersPerDay} orders once it has been
   * open {@code horizonDays}: each day brings its new customers' first orders plus the repeat orders
   * of everyone acquired before, so the order rate is {@code acquisitions x (1 + E[X(horizon)])}.
   */
  public ShopParameters withOrderRate(double ordersPerDay, double horizonDays) {
    return withNewCustomersPerDay(ordersPerDay / (1 + buying.expectedRepeatPurchases(horizonDays)));
  }

  /**
   * BG/NBD: while alive a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha)
   * (alpha is a rate, in days), and after each repeat purchase drops out with p ~ Beta(a, b).
   */
  public record BuyingPrior(double r, double alpha, double a, double b) {

    public GammaDistribution purchaseRate() {
      return new GammaDistribution(r, 1 / alpha);
    }

    public BetaDistribution dropout() {
      return new BetaDistribution(a, b);
    }

    /** Population mean of repeat purchases within {@code days} of acquisition, by Monte Carlo. */
    public double expectedRepeatPurchases(double days) {
      RandomDataGenerator random = new RandomDataGenerator(0);
      GammaDistribution purchaseRate = purchaseRate();
      BetaDistribution dropout = dropout();
      int draws = 20_000;
      double total = 0;
      for (int i = 0; i < draws; i++) {
        double lambda = random.nextDeviate(purchaseRate);
        double p = random.nextDeviate(dropout);
        total += CustomerTruth.expectedRepeatPurchases(lambda, p, days);
      }
      return total / draws;
    }
  }

  /**
   * Gamma-Gamma: a customer's order values are Gamma(p, nu) with nu ~ Gamma(q, gamma), so the
   * customer's mean order value is p / nu. Values in cents.
   */
  public record SpendPrior(double p, double q, double gamma) {

    public GammaDistribution customerRate() {
      return new GammaDistribution(q, 1 / gamma);
    }

    public GammaDistribution orderValue(double customerRate) {
      return new GammaDistribution(p, 1 / customerRate);
    }
  }

  /**
   * Fractions of purchases followed by a refund, a cancellation, a re-sent duplicate, or a
   * malformed record.
   */
  public record Noise(
      double refundRate, double cancellationRate, double duplicateRate, double malformedRate) {}
}
