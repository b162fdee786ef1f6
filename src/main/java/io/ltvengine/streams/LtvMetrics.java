package io.ltvengine.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import io.micrometer.core.instrument.Timer;

/** The engine's own counters, next to the Kafka Streams metrics Micrometer binds. */
public final class LtvMetrics {

  /** Where the Streams configuration carries this object to the handlers Kafka Streams creates. */
  public static final String CONFIG_KEY = "io.ltvengine.metrics";

  private final MeterRegistry registry;
  private final Counter ordersAccepted;
  private final Counter duplicates;
  private final Counter ltvUpdates;
  private final Counter churnAlerts;
  private final Counter reactivations;
  private final Timer punctuation;

  public LtvMetrics(MeterRegistry registry) {
    this.registry = registry;
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

  /** A record went to the dead-letter topic for {@code reason}. */
  public void deadLetter(String reason) {
    registry.counter("ltv.dlq.records", "reason", reason).increment();
  }

  /** A published model was refused: it cannot score. */
  public void modelRefused() {
    registry.counter("ltv.models.refused").increment();
  }

  /** The engine's counters from a Kafka configuration; none counted where it carries none. */
  public static LtvMetrics from(Map<String, ?> configs) {
    return configs.get(CONFIG_KEY) instanceof LtvMetrics metrics
        ? metrics
        : new LtvMetrics(new SimpleMeterRegistry());
  }

  public Timer punctuation() {
    return punctuation;
  }
}
