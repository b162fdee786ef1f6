package io.ltvengine.app.service;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.streams.stores.PopulationRhythm;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.ModelSource;
import io.ltvengine.valuation.PopulationDefaults;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** This instance's stores as the queries read them, per partition, from the active copy or any copy. */
final class LocalStores {

  private final KafkaStreams streams;
  private final String ordersTopic;
  private final PopulationDefaults populationDefaults;
  private final ModelSource models;

  /** The global model store, once found: it lives as long as the instance, through rebalances. */
  private volatile ReadOnlyKeyValueStore<String, LtvModel> modelStore;

  LocalStores(KafkaStreams streams, String ordersTopic, PopulationDefaults populationDefaults) {
    this.streams = streams;
    this.ordersTopic = ordersTopic;
    this.populationDefaults = populationDefaults;
    this.models = this::publishedModel;
  }

  ReadOnlyKeyValueStore<String, CustomerState> customers(int partition) {
    return active(StoreNames.CUSTOMER_STATE, partition);
  }

  /** A partition's store in the running active copy here; null partition for every partition. */
  <V> ReadOnlyKeyValueStore<String, V> active(String name, Integer partition) {
    StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
    return streams.store(partition == null ? parameters : parameters.withPartition(partition));
  }

  /** A partition's store in whichever copy this instance holds: active, restoring or standby. */
  <V> ReadOnlyKeyValueStore<String, V> anyCopy(String name, int partition) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
        .enableStaleStores()
        .withPartition(partition));
  }

  /** The partition's population and the published model, read as the task reads them. */
  Judging judging(int partition, boolean anyCopy) {
    ReadOnlyKeyValueStore<String, Long> population =
        anyCopy ? anyCopy(StoreNames.POPULATION_RHYTHM, partition) : active(StoreNames.POPULATION_RHYTHM, partition);
    return new Judging(PopulationRhythm.readOnly(population, populationDefaults), models);
  }

  /** The partitions of the orders topic this instance's active tasks own. */
  List<Integer> partitions() {
    return topicPartitions().stream()
        .filter(partition -> partition.topic().equals(ordersTopic))
        .map(TopicPartition::partition)
        .sorted()
        .toList();
  }

  /** Every input partition this instance's active tasks own. */
  Set<TopicPartition> topicPartitions() {
    return streams.metadataForLocalThreads().stream()
        .flatMap(thread -> thread.activeTasks().stream())
        .flatMap(task -> task.topicPartitions().stream())
        .collect(Collectors.toSet());
  }

  /**
   * The global model store answers for every instance; while it is not ready, there is no model.
   * Every customer valued asks it, so it is looked up once rather than per customer.
   */
  private LtvModel publishedModel(String name) {
    try {
      ReadOnlyKeyValueStore<String, LtvModel> store = modelStore;
      if (store == null) {
        store = streams.store(
            StoreQueryParameters.fromNameAndType(StoreNames.MODEL, QueryableStoreTypes.<String, LtvModel>keyValueStore()));
        modelStore = store;
      }
      return store.get(name);
    } catch (InvalidStateStoreException notReady) {
      modelStore = null;
      return null;
    }
  }

  /** A store that moves or restores while it is read makes the answer temporarily unavailable. */
  static <T> T guarded(Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidStateStoreException e) {
      throw QueryException.unavailable("State is being rebalanced or restored: " + e.getMessage(), e);
    }
  }
}
