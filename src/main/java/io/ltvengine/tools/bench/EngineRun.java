package io.ltvengine.tools.bench;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.config.LtvConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
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
  EngineRun(BenchKafka kafka, RunSpec run, String ordersTopic, int partitions) throws Exception {
    this(kafka, run, ordersTopic, partitions, Map.of());
  }

  /** @param overrides engine settings over the benchmark's, e.g. an HTTP port to measure the API */
  EngineRun(BenchKafka kafka, RunSpec run, String ordersTopic, int partitions, Map<String, String> overrides)
      throws Exception {
    this.applicationId = "bench-" + run.name();
    Properties properties = kafka.clientProperties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, run.stateDir().toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, run.guarantee());
    properties.put("schema.registry.url", BenchKafka.REGISTRY_URL);
    properties.put(LtvConfig.TOPIC_ORDERS, ordersTopic);
    properties.put(LtvConfig.TOPIC_LTV, run.name() + "-ltv");
    properties.put(LtvConfig.TOPIC_ALERTS, run.name() + "-alerts");
    properties.put(LtvConfig.TOPIC_DLQ, run.name() + "-dlq");
    properties.put(LtvConfig.TOPIC_MODEL, run.name() + "-model");
    properties.put(LtvConfig.TOPIC_COHORTS, run.name() + "-cohorts");
    properties.put(LtvConfig.TOPIC_COHORT_DELTAS, run.name() + "-cohort-deltas");
    properties.put(LtvConfig.TOPIC_AUDIENCES, run.name() + "-audiences");
    properties.put(LtvConfig.TOPIC_SEGMENT_SHARES, run.name() + "-segment-shares");
    properties.put(LtvConfig.TOPIC_SEGMENTS, run.name() + "-segments");
    // The engine is measured, not its query API.
    properties.put(LtvConfig.HTTP_PORT, "0");
    properties.put(LtvConfig.TOPICS_PARTITIONS, String.valueOf(partitions));
    properties.put(LtvConfig.TOPICS_REPLICATION, "1");
    properties.putAll(overrides);
    LtvConfig config = new LtvConfig(properties);
    this.application = new LtvApplication(config, config.defaultClock(), meters);
    application.streams().setGlobalStateRestoreListener(restoreTimer);
  }

  EngineRun start() throws InterruptedException {
    application.start();
    return this;
  }

  LtvApplication application() {
    return application;
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
