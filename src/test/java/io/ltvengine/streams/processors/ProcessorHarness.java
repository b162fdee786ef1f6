package io.ltvengine.streams.processors;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.streams.stores.StateSerde;
import io.ltvengine.valuation.EngineClock;
import io.ltvengine.valuation.Valuation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The order processor on its own in a {@link MockProcessorContext}, with in-memory stores of the
 * same names and serdes as the topology's; the churn check, the flushes and the ranking walk are
 * the punctuators the processor scheduled, run by hand.
 */
final class ProcessorHarness {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  static final OrderProcessor.Wiring WIRING =
      new OrderProcessor.Wiring(
          new OrderProcessor.Stores(
              StoreNames.CUSTOMER_STATE, StoreNames.CHURN_INDEX, StoreNames.POPULATION_RHYTHM,
              StoreNames.MODEL, StoreNames.COHORT_PENDING, StoreNames.AUDIENCE_INDEX, StoreNames.SEGMENT_COUNTS,
              StoreNames.SEGMENT_SKETCHES),
          new OrderProcessor.Children("ltv", "alerts", "cohort-deltas", "audiences", "segment-shares"));

  static final Duration CHURN_CHECK_INTERVAL = Duration.ofSeconds(60);
  static final Duration COHORT_FLUSH_INTERVAL = Duration.ofSeconds(30);
  static final Duration SEGMENT_FLUSH_INTERVAL = Duration.ofSeconds(10);
  static final Duration WALK_INTERVAL = Duration.ofSeconds(1);

  final MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
  final KeyValueStore<String, CustomerState> customers;
  final KeyValueStore<Bytes, byte[]> churnIndex;
  final KeyValueStore<String, SegmentCount> segmentCounts;
  final KeyValueStore<String, SegmentDigest> sketches;
  private final LtvConfig config;
  OrderProcessor processor;

  ProcessorHarness(Map<String, ?> overrides) {
    config = LtvConfig.defaults().with(overrides);
    context.setCurrentSystemTimeMs(START.toEpochMilli());
    customers = store(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.CUSTOMER_STATE), Serdes.String(), StateSerde.customerState()));
    churnIndex = store(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.CHURN_INDEX), Serdes.Bytes(), Serdes.ByteArray()));
    store(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.POPULATION_RHYTHM), Serdes.String(), Serdes.Long()));
    store(Stores.<String, CohortDelta>keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.COHORT_PENDING), Serdes.String(), StateSerde.cohortDelta()));
    store(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.AUDIENCE_INDEX), Serdes.String(), Serdes.ByteArray()));
    segmentCounts = store(Stores.<String, SegmentCount>keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.SEGMENT_COUNTS), Serdes.String(), StateSerde.segmentCount()));
    sketches = store(Stores.<String, SegmentDigest>keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.SEGMENT_SKETCHES), Serdes.String(), StateSerde.segmentDigest()));
    store(Stores.<String, LtvModel>keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(StoreNames.MODEL), Serdes.String(), Serdes.serdeFrom(
            (topic, model) -> new byte[0], (topic, bytes) -> null)));
    processor = newProcessor();
    processor.init(context);
  }

  private OrderProcessor newProcessor() {
    Valuation valuation = Valuation.create(config.valuation(), EngineClock.kafkaTime());
    return new OrderProcessor(valuation, WIRING, new OrderProcessor.Schedule(
        CHURN_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, config.getInt(LtvConfig.MAX_CHECKS_PER_PUNCTUATION),
        Duration.ofHours(1), COHORT_FLUSH_INTERVAL, SEGMENT_FLUSH_INTERVAL, config.getInt(LtvConfig.SEGMENT_WALK_BATCH)),
        new LtvMetrics(new SimpleMeterRegistry()), new DeadLetterBreaker(1000, 0.5));
  }

  /** Closes the processor and starts a new one on the same stores, as a task does after a restart. */
  void restart() {
    processor.close();
    processor = newProcessor();
    processor.init(context);
  }

  private <S extends org.apache.kafka.streams.processor.StateStore> S store(StoreBuilder<S> builder) {
    S store = builder.withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  /** Processes the order as it would arrive: keyed by customer, stamped with its event time. */
  void process(Order order) {
    processor.process(new Record<>(order.getCustomerId(), order, order.getEventTime().toEpochMilli()));
  }

  /** Runs the churn check as Kafka Streams would at {@code now}, on a wall clock reading it too. */
  void checkChurnAt(Instant now) {
    context.setCurrentSystemTimeMs(now.toEpochMilli());
    punctuator(PunctuationType.WALL_CLOCK_TIME, CHURN_CHECK_INTERVAL).punctuate(now.toEpochMilli());
  }

  Punctuator punctuator(PunctuationType type, Duration interval) {
    return context.scheduledPunctuators().stream()
        .filter(p -> p.getType() == type && p.getInterval().equals(interval) && !p.cancelled())
        .reduce((earlier, later) -> later)
        .orElseThrow(() -> new AssertionError("no " + type + " punctuator every " + interval + " was scheduled"))
        .getPunctuator();
  }

  /** Runs the ranking walk's next batch at {@code now}. */
  void walkAt(Instant now) {
    punctuator(PunctuationType.WALL_CLOCK_TIME, WALK_INTERVAL).punctuate(now.toEpochMilli());
  }

  /** What was forwarded to {@code child} since the last {@link #forget()}. */
  List<SpecificRecord> forwarded(String child) {
    return context.forwarded(child).stream().map(forward -> (SpecificRecord) forward.record().value()).toList();
  }

  void forget() {
    context.resetForwards();
  }

  static Instant day(double days) {
    return START.plusMillis(Math.round(days * Duration.ofDays(1).toMillis()));
  }
}
