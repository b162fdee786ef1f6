package io.ltvengine.tools.demo;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LtvModel;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Everything the demo prints, one readable line per event, so the formats live in one place. */
public final class DemoConsole {

  private final PrintWriter out;

  public DemoConsole(PrintWriter out) {
    this.out = out;
  }

  /** Where the engine can be seen at work, printed once everything is up. */
  void started(String bootstrapServers, DemoOptions options, Instant shopStart) {
    print("LTV engine demo: embedded Kafka at %s, in-memory schema registry, shop opening %s",
        bootstrapServers, LocalDate.ofInstant(shopStart, ZoneOffset.UTC));
    print("Shop time runs %,.0fx real time (%.1f shop days per second). Stop with Ctrl-C.",
        options.timeScale(), options.timeScale() / Duration.ofDays(1).toSeconds());
  }

  void ltv(CustomerLtv ltv) {
    print("  ltv     %s  orders %d  net %s  AOV %s  historical LTV %s  tier %s  segment %s%s",
        ltv.getCustomerId(), ltv.getOrders(), money(ltv.getNetRevenueMinor(), ltv.getCurrency()),
        money(ltv.getAverageOrderValue(), ltv.getCurrency()),
        money(ltv.getHistoricalLtv(), ltv.getCurrency()), ltv.getChurnRiskTier(), ltv.getSegment(),
        prediction(ltv));
  }

  /** The model's view, once a model is published. */
  private static String prediction(CustomerLtv ltv) {
    if (ltv.getPAlive() == null) {
      return "";
    }
    String clv = ltv.getPredictedClv() == null ? "n/a" : money(ltv.getPredictedClv(), ltv.getCurrency());
    return String.format("  P(alive) %.2f  predicted CLV %s (%s v%d)",
        ltv.getPAlive(), clv, ltv.getModelName(), ltv.getModelVersion());
  }

  void modelPublished(LtvModel model) {
    StringBuilder parameters = new StringBuilder();
    model.getParameters().forEach((name, value) -> parameters.append(String.format(" %s=%.3g", name, value)));
    print("  MODEL   %s fitted on %,d customers and published:%s", model.getModel(), model.getCustomers(), parameters);
  }

  void churnRisk(ChurnAlert alert) {
    print("  ALERT   %s  %s  quiet %.0f days, expected gap %.1f days, at stake %s (historical LTV %s)",
        alert.getCustomerId(), alert.getAlertId(), alert.getDaysSinceLastPurchase(),
        alert.getExpectedGapDays(), money(alert.getNetRevenueMinor(), alert.getCurrency()),
        money(alert.getHistoricalLtv(), alert.getCurrency()));
  }

  void reactivated(ChurnAlert alert) {
    print("  BACK    %s  %s  bought again: order %d, net %s",
        alert.getCustomerId(), alert.getAlertId(), alert.getOrders(),
        money(alert.getNetRevenueMinor(), alert.getCurrency()));
  }

  void deadLetter(String reason, String key) {
    print("  DLQ     %s  reason %s", key == null ? "(no key)" : key, reason);
  }

  /** The live line every couple of seconds. */
  void status(Duration elapsed, Instant shopNow, DemoReport.Totals totals, OptionalLong lag) {
    print("[%3ds | shop %s] orders sent %,d | LTV updates %,d | churn alerts %,d | reactivated %,d"
            + " | DLQ %,d | duplicates dropped %,d | lag %s",
        elapsed.toSeconds(), LocalDate.ofInstant(shopNow, ZoneOffset.UTC), totals.ordersSent(),
        totals.ltvUpdates(), totals.churnAlerts(), totals.reactivations(), totals.deadLetters(),
        totals.duplicatesDropped(), lag.isPresent() ? String.format("%,d", lag.getAsLong()) : "?");
  }

  void waitingForCatchUp() {
    print("Shop closed; waiting for the engine and the output readers to catch up...");
  }

  public void summary(DemoReport report) {
    DemoReport.Totals totals = report.totals();
    print("");
    print("== Demo summary: %ds of wall time, %.0f shop days ==", report.elapsed().toSeconds(),
        report.shopSpan().toHours() / 24.0);
    print("Orders sent         %,d  (%s)", totals.ordersSent(), byKey(report.sentByKind()));
    print("LTV updates         %,d", totals.ltvUpdates());
    print("Churn alerts        %,d  (reactivations: %,d)", totals.churnAlerts(), totals.reactivations());
    print("Duplicates dropped  %,d", totals.duplicatesDropped());
    print("Dead letters        %,d  (%s)", totals.deadLetters(), byKey(report.deadLettersByReason()));
    AlertAccuracy accuracy = report.accuracy();
    print("Against the simulator's ground truth (who really stopped buying):");
    print("  precision  %s of %,d churn alerts were about customers who had truly dropped out",
        percent(accuracy.precision()), accuracy.alerts());
    print("  recall     %s of %,d customers who truly dropped out were alerted",
        percent(accuracy.recall()), accuracy.droppedOut());
    print("             %s of the %,d who dropped out over %d shop days before the end",
        percent(accuracy.longDropoutRecall()), accuracy.longDroppedOut(),
        report.recallGrace().toDays());
    OracleAlerts oracle = report.oracle();
    print("  open alerts at the end: %,d, %s precision, %s recall", oracle.alerts(),
        percent(oracle.enginePrecision()), percent(oracle.engineRecall()));
    print("  an oracle naming as many: %s precision, %s recall (knows the shop's true population, names the least"
        + " likely alive)", percent(oracle.oraclePrecision()), percent(oracle.oracleRecall()));
  }

  private void print(String format, Object... args) {
    out.println(String.format(format, args));
    out.flush();
  }

  private static String money(long minor, String currency) {
    return money(minor / 100.0, currency);
  }

  private static String money(double major, String currency) {
    return String.format("%s %,.2f", currency, major);
  }

  private static String percent(double ratio) {
    return Double.isNaN(ratio) ? "n/a" : String.format("%.0f%%", 100 * ratio);
  }

  private static String byKey(Map<?, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    return counts.entrySet().stream()
        .map(entry -> String.format("%s %,d", entry.getKey().toString().toLowerCase(), entry.getValue()))
        .collect(Collectors.joining(", "));
  }
}
