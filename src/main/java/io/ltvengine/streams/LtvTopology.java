package io.ltvengine.streams;

import io.ltvengine.model.customer.CurrencyConverter;
import io.ltvengine.model.customer.CustomerAssessor;
import io.ltvengine.model.customer.HistoricalValue;
import io.ltvengine.model.customer.OutputRecords;
import io.ltvengine.model.customer.RecentEvents;
import io.ltvengine.model.customer.RhythmPolicy;
import io.ltvengine.streams.LtvSettings.Setting;
import io.ltvengine.streams.processors.ChurnClock;
import io.ltvengine.streams.processors.OrderProcessor;
import io.ltvengine.streams.processors.OrderProcessorSupplier;
import io.ltvengine.streams.processors.OrderValidator;
import io.ltvengine.streams.processors.ModelPredictions;
import io.ltvengine.streams.processors.ModelStoreUpdater;
import io.ltvengine.streams.stores.StateSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the engine's topology: orders in; LTV updates, churn alerts and dead letters out. Pure:
 * no I/O happens here, so tests drive the same topology that runs in production.
 */
public final class LtvTopology {

  public static final String ORDERS_SOURCE = "orders-source";
  public static final String ORDER_PROCESSOR = "order-processor";
  public static final String LTV_SINK = "customer-ltv-sink";
  public static final String ALERTS_SINK = "churn-alerts-sink";
  public static final String MODEL_SOURCE = "ltv-model-source";
  public static final String MODEL_UPDATER = "ltv-model-updater";

  private LtvTopology() {}

  /** What the topology needs from its surroundings: a clock and somewhere to count. */
  public record Environment(ChurnClock clock, MeterRegistry meters) {}

  public static Topology build(LtvSettings settings, Topics topics, Environment environment) {
    Topology topology = new Topology();
    addModelStore(topology, topics);
    topology.addSource(
        ORDERS_SOURCE,
        topics.orders().keySerde().deserializer(),
        topics.orders().valueSerde().deserializer(),
        topics.orders().name());
    topology.addProcessor(
        ORDER_PROCESSOR, orderProcessor(settings, topics, environment), ORDERS_SOURCE);
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
    CohortTopology.addTo(topology, ORDER_PROCESSOR, settings, topics);
    return topology;
  }

  /** Every instance keeps the latest published parameters of every model, restored at start-up. */
  private static void addModelStore(Topology topology, Topics topics) {
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
        () -> new ModelStoreUpdater(StoreNames.MODEL));
  }

  private static OrderProcessorSupplier orderProcessor(
      LtvSettings settings, Topics topics, Environment environment) {
    OrderValidator validator =
        new OrderValidator(
            currency(settings),
            settings.getLong(Setting.MAX_ORDER_AMOUNT),
            Duration.ofMinutes(settings.getLong(Setting.MAX_FUTURE_SKEW)).toMillis());
    CustomerAssessor assessor = assessor(settings);
    OutputRecords records = outputRecords(settings);
    OrderProcessor.Wiring wiring =
        new OrderProcessor.Wiring(
            StoreNames.CUSTOMER_STATE,
            StoreNames.CHURN_INDEX,
            StoreNames.POPULATION_RHYTHM,
            StoreNames.MODEL,
            LTV_SINK,
            ALERTS_SINK,
            CohortTopology.DELTAS_SINK,
            StoreNames.COHORT_PENDING);
    OrderProcessor.ChurnSchedule schedule =
        new OrderProcessor.ChurnSchedule(
            Duration.ofSeconds(settings.getLong(Setting.CHECK_INTERVAL)),
            settings.timeMode() == LtvSettings.TimeMode.STREAM_TIME
                ? PunctuationType.STREAM_TIME
                : PunctuationType.WALL_CLOCK_TIME,
            environment.clock(),
            settings.getInt(Setting.MAX_ALERTS_PER_CHECK),
            Duration.ofMinutes(settings.getLong(Setting.BACKLOG_TOLERANCE)),
            Duration.ofSeconds(settings.getLong(Setting.COHORT_FLUSH_INTERVAL)));
    return new OrderProcessorSupplier(
        wiring,
        schedule,
        validator,
        new RecentEvents(
            settings.getDays(Setting.DEDUP_RETENTION).toMillis(), settings.getInt(Setting.DEDUP_MAX_EVENTS)),
        assessor,
        records,
        modelOptions(settings),
        currency(settings).minorPerMajor(),
        settings.getDouble(Setting.DEFAULT_GAP_DAYS),
        settings.getLong(Setting.MIN_POPULATION_GAPS),
        new LtvMetrics(environment.meters()),
        stores());
  }

  /** What the topology asks of the published model; the query API asks the same. */
  public static ModelPredictions.Options modelOptions(LtvSettings settings) {
    return new ModelPredictions.Options(
        settings.get(Setting.MODEL_NAME),
        settings.getDouble(Setting.HORIZON_DAYS),
        settings.getDouble(Setting.DISCOUNT_RATE),
        settings.getDouble(Setting.PALIVE_HIGH_RISK));
  }

  /** The assessor the topology judges customers with; the query API judges them the same way. */
  public static CustomerAssessor assessor(LtvSettings settings) {
    return new CustomerAssessor(
        new RhythmPolicy(
            settings.getDouble(Setting.GAP_MULTIPLIER),
            settings.getDouble(Setting.GAP_STDDEV_MULTIPLIER),
            settings.getDouble(Setting.MIN_QUIET_DAYS)),
        new CustomerAssessor.RiskThresholds(
            settings.getDouble(Setting.PALIVE_HIGH_RISK), settings.getDouble(Setting.PALIVE_MEDIUM_RISK)));
  }

  /** The output records the topology writes; the query API builds the same ones. */
  public static OutputRecords outputRecords(LtvSettings settings) {
    return new OutputRecords(
        new HistoricalValue(
            settings.getDouble(Setting.ANNUAL_CHURN_RATE), settings.getDouble(Setting.MIN_TENURE_DAYS)),
        currency(settings));
  }

  public static CurrencyConverter currency(LtvSettings settings) {
    return CurrencyConverter.parse(settings.get(Setting.REPORTING_CURRENCY), settings.get(Setting.FX_RATES));
  }

  private static Set<StoreBuilder<?>> stores() {
    // Ordered, so that the described topology is the same on every run. Only the stores whose few
    // keys every order writes (the population rhythm, pending cohort cells) are cached: they reach
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
            .withCachingEnabled()));
  }
}
