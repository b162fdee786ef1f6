package io.ltvengine.tools.demo;

import io.ltvengine.model.BgNbd;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.tools.demo.ShopParameters.BuyingPrior;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;

/**
 * The best achievable from what the engine can observe, beside what it did: an oracle that knows
 * the population the simulator draws customers from ranks every customer by the true probability
 * that they have dropped out given their purchases so far, 1 - P(alive) under BG/NBD in shop days,
 * and names as many as the engine holds open alerts at the end.
 *
 * @param alerts the engine's open alerts at the end, and so the oracle's
 * @param engineRight of the engine's, those about a customer who had truly dropped out
 * @param oracleRight of the oracle's, the same
 * @param droppedOut customers who had truly dropped out by the end
 */
public record OracleAlerts(int alerts, int engineRight, int oracleRight, int droppedOut) {

  private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

  public static OracleAlerts of(Set<String> openlyAlerted, Collection<CustomerTruth> truths, BuyingPrior prior, Instant end) {
    BgNbd truth = new BgNbd(prior.r(), prior.alpha(), prior.a(), prior.b());
    int engineRight = (int) truths.stream()
        .filter(customer -> openlyAlerted.contains(customer.customerId()) && customer.droppedOutAt().isPresent())
        .count();
    int oracleRight = (int) truths.stream()
        .sorted(Comparator.comparingDouble(customer -> truth.pAlive(observed(customer, end))))
        .limit(openlyAlerted.size())
        .filter(customer -> customer.droppedOutAt().isPresent())
        .count();
    int droppedOut = (int) truths.stream().filter(customer -> customer.droppedOutAt().isPresent()).count();
    return new OracleAlerts(openlyAlerted.size(), engineRight, oracleRight, droppedOut);
  }

  /** What the engine could have seen of the customer by the end: x, tx and T in days. */
  private static CustomerHistory observed(CustomerTruth customer, Instant end) {
    return CustomerHistory.of(customer.purchases() - 1, days(customer.acquiredAt(), customer.lastPurchaseAt()),
        days(customer.acquiredAt(), end));
  }

  private static double days(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis()) / MILLIS_PER_DAY;
  }

  public double enginePrecision() {
    return ratio(engineRight, alerts);
  }

  public double engineRecall() {
    return ratio(engineRight, droppedOut);
  }

  public double oraclePrecision() {
    return ratio(oracleRight, alerts);
  }

  public double oracleRecall() {
    return ratio(oracleRight, droppedOut);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
