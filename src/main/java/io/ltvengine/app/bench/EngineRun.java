package io.ltvengine.app.bench;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.streams.LtvSettings;
import io.ltvengine.streams.LtvSettings.Setting;
import io.ltvengine.streams.LtvTopology;
import io.ltvengine.streams.processors.ChurnClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** The real engine, {@link LtvApplication}, under its own application id, state dir and topics. */
final class EngineRun implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private final String applicationId;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LtvApplication application;
  private final RestoreTimer restoreTimer = new RestoreTimer();

  /**
   * @param name names the application id and the output topics, so no run sees another's data
   */
  EngineRun(BenchKafka kafka, String name, String guarantee, String ordersTopic, int partitions, Path stateDir)
      throws Exception {
    this.applicationId = "bench-" + name;
    Properties properties = kafka.clientProperties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    properties.put("schema.registry.url", BenchKafka.REGISTRY_URL);
    properties.put(Setting.TOPIC_ORDERS.key(), ordersTopic);
    properties.put(Setting.TOPIC_LTV.key(), name + "-ltv");
    properties.put(Setting.TOPIC_ALERTS.key(), name + "-alerts");
    properties.put(Setting.TOPIC_DLQ.key(), name + "-dlq");
    properties.put(Setting.TOPIC_MODEL.key(), name + "-model");
    properties.put(Setting.TOPIC_COHORTS.key(), name + "-cohorts");
    properties.put(Setting.TOPIC_COHORT_DELTAS.key(), name + "-cohort-deltas");
    // The engine is measured, not its query API.
    properties.put(Setting.HTTP_PORT.key(), "0");
    properties.put(Setting.TOPICS_PARTITIONS.key(), String.valueOf(partitions));
    properties.put(Setting.TOPICS_REPLICATION.key(), "1");
    LtvTopology.Environment environment = new LtvTopology.Environment(ChurnClock.PUNCTUATION_TIME, meters);
    this.application = new LtvApplication(new LtvSettings(properties), environment);
    application.streams().setGlobalStateRestoreListener(restoreTimer);
  }

  EngineRun start() throws InterruptedException {
    application.start();
    return this;
  }

  RestoreTimer restoreTimer() {
    return restoreTimer;
  }

  String applicationId() {
    return applicationId;
  }

  String ltvTopic() {
    return application.topics().customerLtv().name();
  }

  /** Orders the engine has accepted or recognised as duplicates: every valid order it processed. */
  long processed() {
    return (long) meters.find("ltv.orders").counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Waits until Kafka Streams reports RUNNING, i.e. every store is restored; returns the wait. */
  Duration awaitRunning() throws InterruptedException {
    long startNanos = System.nanoTime();
    while (application.streams().state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() - startNanos > START_TIMEOUT.toNanos()) {
        throw new IllegalStateException("Not RUNNING after " + START_TIMEOUT + ": " + application.streams().state());
      }
      Thread.sleep(10);
    }
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public void close() {
    application.close();
  }
}
