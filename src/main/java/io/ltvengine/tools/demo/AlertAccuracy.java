package io.ltvengine.tools.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the engine's churn alerts compare with the simulator's truth. An alert was right when its
 * customer had truly made their last purchase: they never bought again, so it was never followed by
 * a reactivation. Recall is also given for customers who dropped out long ago, since a customer who
 * stopped buying last week cannot be told from one between two purchases yet.
 *
 * @param alerts distinct churn alerts raised
 * @param rightAlerts alerts about a customer who had truly dropped out
 * @param droppedOut customers who had truly dropped out by the end
 * @param droppedOutAlerted those of them with an open alert
 * @param longDroppedOut customers whose last purchase lies more than the grace period back
 * @param longDroppedOutAlerted those of them with an open alert
 */
public record AlertAccuracy(
    int alerts,
    int rightAlerts,
    int droppedOut,
    int droppedOutAlerted,
    int longDroppedOut,
    int longDroppedOutAlerted) {

  /**
   * @param customerByAlertId every churn alert raised, by alert id
   * @param reactivatedAlertIds alerts closed by a later purchase
   * @param truths every simulated customer
   * @param end shop time at the end of the run
   * @param grace how long ago a dropout must be to count as long dropped out
   */
  public static AlertAccuracy of(
      Map<String, String> customerByAlertId,
      Set<String> reactivatedAlertIds,
      Collection<CustomerTruth> truths,
      Instant end,
      Duration grace) {
    Map<String, CustomerTruth> dropouts = truths.stream()
        .filter(truth -> truth.droppedOutAt().isPresent())
        .collect(Collectors.toMap(CustomerTruth::customerId, truth -> truth));
    Set<String> openlyAlerted = openlyAlerted(customerByAlertId, reactivatedAlertIds);
    int rightAlerts = (int) customerByAlertId.entrySet().stream()
        .filter(alert -> !reactivatedAlertIds.contains(alert.getKey()))
        .filter(alert -> dropouts.containsKey(alert.getValue()))
        .count();
    Instant longAgo = end.minus(grace);
    Set<String> longDropouts = dropouts.values().stream()
        .filter(truth -> truth.droppedOutAt().orElseThrow().isBefore(longAgo))
        .map(CustomerTruth::customerId)
        .collect(Collectors.toSet());
    return new AlertAccuracy(
        customerByAlertId.size(),
        rightAlerts,
        dropouts.size(),
        countIn(dropouts.keySet(), openlyAlerted),
        longDropouts.size(),
        countIn(longDropouts, openlyAlerted));
  }

  /** The customers whose alert no later purchase closed. */
  public static Set<String> openlyAlerted(Map<String, String> customerByAlertId, Set<String> reactivatedAlertIds) {
    return customerByAlertId.entrySet().stream()
        .filter(alert -> !reactivatedAlertIds.contains(alert.getKey()))
        .map(Map.Entry::getValue)
        .collect(Collectors.toSet());
  }

  public double precision() {
    return ratio(rightAlerts, alerts);
  }

  public double recall() {
    return ratio(droppedOutAlerted, droppedOut);
  }

  public double longDropoutRecall() {
    return ratio(longDroppedOutAlerted, longDroppedOut);
  }

  private static int countIn(Set<String> customers, Set<String> alerted) {
    return (int) customers.stream().filter(alerted::contains).count();
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : part / (double) whole;
  }
}
