package io.ltvengine.tools.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the simulator knows about a customer and the engine has to infer: their hidden buying rate,
 * dropout probability and mean order value, and whether (and when) they have actually churned.
 *
 * @param purchaseRatePerDay lambda, the Poisson rate of purchases while alive
 * @param dropoutProbability p, the chance of dropping out after each repeat purchase
 * @param meanOrderValueMinor the customer's mean order value in cents
 * @param purchases purchases made so far, the first one included
 * @param lastPurchaseAt time of the latest purchase
 * @param droppedOutAt time of the last purchase, after which the customer never buys again; empty
 *     while the customer is alive
 */
public record CustomerTruth(
    String customerId,
    Instant acquiredAt,
    String firstCategory,
    double purchaseRatePerDay,
    double dropoutProbability,
    double meanOrderValueMinor,
    int purchases,
    Instant lastPurchaseAt,
    Optional<Instant> droppedOutAt) {

  public boolean isAliveAt(Instant time) {
    return droppedOutAt.map(last -> !time.isAfter(last)).orElse(true);
  }

  /** Expected repeat purchases in the first {@code span} after acquisition, given lambda and p. */
  public double expectedRepeatPurchases(Duration span) {
    double days = span.toMillis() / (double) Duration.ofDays(1).toMillis();
    return expectedRepeatPurchases(purchaseRatePerDay, dropoutProbability, days);
  }

  /**
   * BG/NBD individual-level mean, E[X(t) | lambda, p] = (1 - exp(-lambda p t)) / p (Fader, Hardie
   * and Lee 2005, eq. 7).
   */
  static double expectedRepeatPurchases(double lambda, double p, double days) {
    return -Math.expm1(-lambda * p * days) / p;
  }
}
