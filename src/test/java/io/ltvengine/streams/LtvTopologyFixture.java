package io.ltvengine.streams;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.SegmentCell;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.registry.MockSchemaRegistry;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.valuation.EngineClock;
import io.ltvengine.valuation.Valuation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The production topology in a TopologyTestDriver, with its own in-memory schema registry scope.
 * Wall-clock time starts at {@link #START}.
 */
final class LtvTopologyFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final LtvConfig config;
  final Topics topics;
  final TopologyTestDriver driver;
  final TestInputTopic<String, Order> orders;
  final TestInputTopic<String, byte[]> rawOrders;
  final TestOutputTopic<String, CustomerLtv> ltv;
  final TestOutputTopic<String, ChurnAlert> alerts;
  final TestOutputTopic<String, AudienceChange> audiences;
  final TestOutputTopic<String, SegmentCell> segments;
  final TestOutputTopic<byte[], byte[]> deadLetters;
  final TestInputTopic<String, LtvModel> models;
  final DeadLetterBreaker breaker;
  final Valuation valuation;
  private final String scope = "ltv-test-" + UUID.randomUUID();

  LtvTopologyFixture() {
    this(Map.of());
  }

  LtvTopologyFixture(Map<String, String> overrides) {
    this(overrides, null);
  }

  /** @param clock the engine's clock; null for the one the settings call for */
  LtvTopologyFixture(Map<String, String> overrides, EngineClock clock) {
    config = LtvConfig.defaults().with(overrides);
    valuation = Valuation.create(config.valuation(), clock == null ? config.defaultClock() : clock);
    breaker = new DeadLetterBreaker(config.getInt(LtvConfig.DLQ_BREAKER_WINDOW), config.getDouble(LtvConfig.DLQ_BREAKER_MAX_SHARE));
    topics = Topics.create(config, new RegistryAvroSerdes(registryConfig()));
    Topology topology = LtvTopology.build(config, topics,
        new LtvTopology.Environment(valuation, new LtvMetrics(new SimpleMeterRegistry()), breaker));
    driver = new TopologyTestDriver(topology, streamsProperties(), START);
    orders =
        driver.createInputTopic(
            topics.orders().name(),
            new StringSerializer(),
            topics.orders().valueSerde().serializer(),
            START,
            java.time.Duration.ZERO);
    rawOrders =
        driver.createInputTopic(topics.orders().name(), new StringSerializer(), new ByteArraySerializer());
    ltv =
        driver.createOutputTopic(
            topics.customerLtv().name(),
            topics.customerLtv().keySerde().deserializer(),
            topics.customerLtv().valueSerde().deserializer());
    alerts =
        driver.createOutputTopic(
            topics.churnAlerts().name(),
            topics.churnAlerts().keySerde().deserializer(),
            topics.churnAlerts().valueSerde().deserializer());
    audiences =
        driver.createOutputTopic(
            topics.audiences().name(),
            topics.audiences().keySerde().deserializer(),
            topics.audiences().valueSerde().deserializer());
    segments =
        driver.createOutputTopic(
            topics.segments().name(),
            topics.segments().keySerde().deserializer(),
            topics.segments().valueSerde().deserializer());
    models =
        driver.createInputTopic(
            topics.model().name(), new StringSerializer(), topics.model().valueSerde().serializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** The valuation core on the clock the settings call for, counting into a registry of its own. */
  static LtvTopology.Environment environment(LtvConfig config, DeadLetterBreaker breaker) {
    return new LtvTopology.Environment(
        Valuation.create(config.valuation(), config.defaultClock()), new LtvMetrics(new SimpleMeterRegistry()), breaker);
  }

  Map<String, Object> registryConfig() {
    return Map.of("schema.registry.url", "mock://" + scope);
  }

  /** Pipes an order with the record timestamp equal to its event time. */
  void send(Order order) {
    orders.pipeInput(order.getCustomerId(), order, order.getEventTime());
  }

  private Properties streamsProperties() {
    Properties properties = StreamsProperties.of(config, new LtvMetrics(new SimpleMeterRegistry()), breaker);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/ltv-ttd-" + scope);
    properties.putAll(registryConfig());
    return properties;
  }

  @Override
  public void close() {
    driver.close();
    MockSchemaRegistry.dropScope(scope);
  }
}
