package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Health and readiness of a Kafka Streams instance that is never started, so never reaches a broker. */
class EngineHealthTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final DeadLetterBreaker breaker = new DeadLetterBreaker(100, 0.5);
  private final KafkaStreams streams = new KafkaStreams(topology(), properties());
  private final EngineHealth health = new EngineHealth(
      streams, breaker, new EngineHealth.Limits(Duration.ofMinutes(2), 3, Duration.ofMinutes(10)), clock);

  @AfterEach
  void close() {
    streams.close();
  }

  @Test
  void shouldBeAliveButNotReadyBeforeKafkaStreamsRuns() {
    EngineHealth.Verdict verdict = health.verdict();

    assertThat(verdict.alive()).as("alive while starting").isTrue();
    assertThat(verdict.ready()).as("ready while starting").isFalse();
    assertThat(health.ready()).isFalse();
  }

  @Test
  void shouldTurnUnhealthyWithTheReasonWhenTheDeadLetterBreakerTrips() {
    for (int i = 0; i < 10; i++) {
      breaker.seen();
      breaker.admit("unknown-schema-id");
    }

    EngineHealth.Verdict verdict = health.verdict();

    assertThat(verdict.alive()).as("alive after the breaker tripped").isFalse();
    assertThat(verdict.problems()).singleElement().asString().contains("unknown-schema-id");
  }

  @Test
  void shouldTurnUnhealthyWhenThreadsKeepFailingWithoutProcessingAnything() {
    health.verdict();
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) {
      health.threadReplaced();
    }

    assertThat(health.verdict().problems()).as("problems after three thread failures").singleElement()
        .asString().contains("3 stream threads failed");
  }

  @Test
  void shouldForgetThreadFailuresOlderThanTheWindow() {
    for (int i = 0; i < 3; i++) {
      health.threadReplaced();
    }

    clock.advance(Duration.ofMinutes(11));

    assertThat(health.verdict().problems()).as("problems eleven minutes after three failures").isEmpty();
  }

  private static Topology topology() {
    Topology topology = new Topology();
    topology.addSource("source", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
    return topology;
  }

  private static Properties properties() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "engine-health-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/engine-health-test");
    return properties;
  }
}
