package io.ltvengine.streams;

import io.ltvengine.config.LtvConfig;
import io.ltvengine.avro.CohortCell;
import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.streams.processors.CohortAggregator;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The cohort table: the order processor sends each order's cohort deltas, keyed by cohort cell,
 * through a repartition topic, so every cell is summed by one task in the {@code cohort-aggregates}
 * store and published to the compacted cohorts topic. Reading the table never scans customers.
 */
public final class CohortTopology {

  public static final String DELTAS_SINK = "cohort-deltas-sink";
  public static final String DELTAS_SOURCE = "cohort-deltas-source";
  public static final String AGGREGATOR = "cohort-aggregator";
  public static final String COHORTS_SINK = "ltv-cohorts-sink";

  private CohortTopology() {}

  /** Adds the cohort nodes; {@code parent} forwards {@link CohortDelta}s to {@link #DELTAS_SINK}. */
  static void addTo(Topology topology, String parent, LtvConfig config, Topics topics) {
    Topic<String, CohortDelta> deltas = topics.cohortDeltas();
    Topic<String, CohortCell> cohorts = topics.cohorts();
    topology.addSink(
        DELTAS_SINK, deltas.name(), deltas.keySerde().serializer(), deltas.valueSerde().serializer(), parent);
    topology.addSource(
        DELTAS_SOURCE, deltas.keySerde().deserializer(), deltas.valueSerde().deserializer(), deltas.name());
    topology.addProcessor(AGGREGATOR, aggregator(config, cohorts), DELTAS_SOURCE);
    topology.addSink(
        COHORTS_SINK, cohorts.name(), cohorts.keySerde().serializer(), cohorts.valueSerde().serializer(), AGGREGATOR);
  }

  private static ProcessorSupplier<String, CohortDelta, String, CohortCell> aggregator(
      LtvConfig config, Topic<String, CohortCell> cohorts) {
    String currency = config.getString(LtvConfig.REPORTING_CURRENCY);
    StoreBuilder<?> store =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.COHORT_AGGREGATES), Serdes.String(), cohorts.valueSerde());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, CohortDelta, String, CohortCell> get() {
        return new CohortAggregator(StoreNames.COHORT_AGGREGATES, currency);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }
}
