package io.ltvengine.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The engine's own counters, next to the Kafka Streams metrics Micrometer binds. */
public final class LtvMetrics {

  private final Counter ordersAccepted;
  private final Counter duplicates;
  private final Counter ltvUpdates;
  private final Counter churnAlerts;
  private final Counter reactivations;
  private final Timer punctuation;

  public LtvMetrics(MeterRegistry registry) {
    ordersAccepted = registry.counter("ltv.orders", "result", "accepted");
    duplicates = registry.counter("ltv.orders", "result", "duplicate");
    ltvUpdates = registry.counter("ltv.updates");
    churnAlerts = registry.counter("ltv.alerts", "type", "churn-risk");
    reactivations = registry.counter("ltv.alerts", "type", "reactivated");
    punctuation = registry.timer("ltv.churn.punctuation");
  }

  public void orderAccepted() {
    ordersAccepted.increment();
  }

  public void duplicate() {
    duplicates.increment();
  }

  public void ltvUpdate() {
    ltvUpdates.increment();
  }

  public void churnAlert() {
    churnAlerts.increment();
  }

  public void reactivation() {
    reactivations.increment();
  }

  public Timer punctuation() {
    return punctuation;
  }
}
