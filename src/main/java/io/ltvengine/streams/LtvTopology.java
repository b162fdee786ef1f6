package io.ltvengine.streams;

import io.ltvengine.avro.Order;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.streams.processors.ModelStoreUpdater;
import io.ltvengine.streams.processors.OrderProcessor;
import io.ltvengine.streams.stores.StateSerde;
import io.ltvengine.valuation.Valuation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the engine's topology: orders in; LTV updates, churn alerts, audience changes, cohort and
 * segment totals and dead letters out. Pure:
 * no I/O happens here, so tests drive the same topology that runs in production.
 */
public final class LtvTopology {

  public static final String ORDERS_SOURCE = "orders-source";
  public static final String ORDER_PROCESSOR = "order-processor";
  public static final String LTV_SINK = "customer-ltv-sink";
  public static final String ALERTS_SINK = "churn-alerts-sink";
  public static final String AUDIENCES_SINK = "ltv-audiences-sink";
  public static final String MODEL_SOURCE = "ltv-model-source";
  public static final String MODEL_UPDATER = "ltv-model-updater";

  private LtvTopology() {}

  /**
   * What the topology needs from its surroundings: the valuation core, somewhere to count, and the
   * breaker that counts every record against the dead letters.
   */
  public record Environment(Valuation valuation, LtvMetrics metrics, DeadLetterBreaker breaker) {}

  public static Topology build(LtvConfig config, Topics topics, Environment environment) {
    Topology topology = new Topology();
    addModelStore(topology, topics, environment);
    topology.addSource(
        ORDERS_SOURCE,
        topics.orders().keySerde().deserializer(),
        topics.orders().valueSerde().deserializer(),
        topics.orders().name());
    topology.addProcessor(ORDER_PROCESSOR, orderProcessor(config, environment), ORDERS_SOURCE);
    topology.addSink(
        LTV_SINK,
        topics.customerLtv().name(),
        topics.customerLtv().keySerde().serializer(),
        topics.customerLtv().valueSerde().serializer(),
        ORDER_PROCESSOR);
    topology.addSink(
        ALERTS_SINK,
        topics.churnAlerts().name(),
        topics.churnAlerts().keySerde().serializer(),
        topics.churnAlerts().valueSerde().serializer(),
        ORDER_PROCESSOR);
    topology.addSink(
        AUDIENCES_SINK,
        topics.audiences().name(),
        topics.audiences().keySerde().serializer(),
        topics.audiences().valueSerde().serializer(),
        ORDER_PROCESSOR);
    CohortTopology.addTo(topology, ORDER_PROCESSOR, config, topics);
    SegmentTopology.addTo(topology, ORDER_PROCESSOR, config, topics);
    return topology;
  }

  /** Every instance keeps the latest published parameters of every model, restored at start-up. */
  private static void addModelStore(Topology topology, Topics topics, Environment environment) {
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.MODEL),
                topics.model().keySerde(),
                topics.model().valueSerde())
            .withLoggingDisabled(),
        MODEL_SOURCE,
        topics.model().keySerde().deserializer(),
        topics.model().valueSerde().deserializer(),
        topics.model().name(),
        MODEL_UPDATER,
        () -> new ModelStoreUpdater(StoreNames.MODEL, environment.valuation(), environment.metrics()));
  }

  private static ProcessorSupplier<String, Order, String, SpecificRecord> orderProcessor(
      LtvConfig config, Environment environment) {
    OrderProcessor.Wiring wiring =
        new OrderProcessor.Wiring(
            new OrderProcessor.Stores(
                StoreNames.CUSTOMER_STATE,
                StoreNames.CHURN_INDEX,
                StoreNames.POPULATION_RHYTHM,
                StoreNames.MODEL,
                StoreNames.COHORT_PENDING,
                StoreNames.AUDIENCE_INDEX,
                StoreNames.SEGMENT_COUNTS,
                StoreNames.SEGMENT_SKETCHES),
            new OrderProcessor.Children(
                LTV_SINK, ALERTS_SINK, CohortTopology.DELTAS_SINK, AUDIENCES_SINK, SegmentTopology.SHARES_SINK));
    OrderProcessor.Schedule schedule =
        new OrderProcessor.Schedule(
            config.seconds(LtvConfig.CHECK_INTERVAL),
            config.streamTime() ? PunctuationType.STREAM_TIME : PunctuationType.WALL_CLOCK_TIME,
            config.getInt(LtvConfig.MAX_CHECKS_PER_PUNCTUATION),
            config.minutes(LtvConfig.BACKLOG_TOLERANCE),
            config.seconds(LtvConfig.COHORT_FLUSH_INTERVAL),
            config.seconds(LtvConfig.SEGMENT_FLUSH_INTERVAL),
            config.getInt(LtvConfig.SEGMENT_WALK_BATCH));
    Set<StoreBuilder<?>> stores = stores();
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Order, String, SpecificRecord> get() {
        return new OrderProcessor(
            environment.valuation(), wiring, schedule, environment.metrics(), environment.breaker());
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return stores;
      }
    };
  }

  private static Set<StoreBuilder<?>> stores() {
    // Ordered, so that the described topology is the same on every run. Only the stores whose few
    // keys every order writes (the population rhythm, pending cohort cells, segment counts) are cached: they reach
    // the changelog once per commit rather than once per order. A customer rarely orders twice
    // within a commit, so a cache in front of their state would cost more than it saves.
    return new LinkedHashSet<>(List.of(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CUSTOMER_STATE),
                Serdes.String(),
                StateSerde.customerState()),
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CHURN_INDEX),
                Serdes.Bytes(),
                Serdes.ByteArray()),
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.POPULATION_RHYTHM),
                Serdes.String(),
                Serdes.Long())
            .withCachingEnabled(),
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.COHORT_PENDING),
                Serdes.String(),
                StateSerde.cohortDelta())
            .withCachingEnabled(),
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.AUDIENCE_INDEX),
                Serdes.String(),
                Serdes.ByteArray()),
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.SEGMENT_COUNTS),
                Serdes.String(),
                StateSerde.segmentCount())
            .withCachingEnabled(),
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.SEGMENT_SKETCHES),
                Serdes.String(),
                StateSerde.segmentDigest())));
  }
}
