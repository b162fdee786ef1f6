package io.ltvengine.app.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ltvengine.avro.CohortCell;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.streams.stores.AudienceKeys;
import io.ltvengine.streams.stores.PopulationRhythm;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.ModelSource;
import io.ltvengine.valuation.Valuation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries on the engine's stores. A customer lives in one partition, owned by one
 * instance: a request for them is forwarded to that instance. Lists, segments and cohorts are
 * answered by every instance for its own partitions and merged by the one that was asked.
 */
public final class CustomerQueryService implements CustomerQueries {

  private static final TypeReference<Map<String, Object>> CUSTOMER = new TypeReference<>() {};
  private static final TypeReference<CustomerPage> PAGE = new TypeReference<>() {};
  private static final TypeReference<List<CustomerSummary>> SUMMARIES = new TypeReference<>() {};
  private static final TypeReference<List<CohortCellView>> CELLS = new TypeReference<>() {};
  private static final TypeReference<List<AudienceCounts.Cell>> AUDIENCE_CELLS = new TypeReference<>() {};

  /** Where this instance is: its API's address, and the topic whose partitions its tasks own. */
  public record Placement(HostInfo self, String ordersTopic) {}

  private final KafkaStreams streams;
  private final Placement placement;
  private final Valuation valuation;
  private final EngineHealth health;
  private final PeerClient peers;
  private final ModelSource models;

  public CustomerQueryService(
      KafkaStreams streams, Placement placement, Valuation valuation, EngineHealth health, PeerClient peers) {
    this.streams = streams;
    this.placement = placement;
    this.valuation = valuation;
    this.health = health;
    this.peers = peers;
    this.models = name -> publishedModel(streams, name);
  }

  @Override
  public Map<String, Object> customer(String customerId, boolean localOnly) {
    requireRunning();
    KeyQueryMetadata owner =
        streams.queryMetadataForKey(StoreNames.CUSTOMER_STATE, customerId, Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      throw QueryException.unavailable("The owner of customer " + customerId + " is not known yet");
    }
    if (!owner.activeHost().equals(placement.self())) {
      // A forwarded request that lands on a non-owner means the instances disagree mid-rebalance.
      if (localOnly) {
        throw QueryException.unavailable("Customer " + customerId + " moved during a rebalance");
      }
      String path = "/api/customers/" + PathSegment.encode(customerId) + "?local=true";
      return peers.get(owner.activeHost(), path, CUSTOMER);
    }
    CustomerState state = guarded(() -> customerStore(owner.partition()).get(customerId));
    if (state == null || !CustomerLedger.hasPurchased(state)) {
      throw QueryException.notFound("No customer " + customerId);
    }
    return AvroJson.toMap(guarded(() -> valuation.view(customerId, state, judging(owner.partition()))));
  }

  @Override
  public CustomerPage customers(CustomerFilter filter, boolean localOnly) {
    if (localOnly) {
      return localCustomers(filter);
    }
    List<CustomerPage> pages = new ArrayList<>();
    pages.add(localCustomers(filter));
    for (HostInfo peer : peers()) {
      pages.add(peers.get(peer, "/api/customers?local=true&" + filter.toQuery(), PAGE));
    }
    return CustomerPage.merge(pages, filter.limit());
  }

  /**
   * A page of this instance's audience: each partition's candidates from the audience index, at
   * most a page each, valued now. The index holds each customer's audiences as of their last
   * order or churn check; a customer whose value now has left the audience is left out.
   */
  private CustomerPage localCustomers(CustomerFilter filter) {
    requireRunning();
    long now = valuation.clock().now();
    return guarded(() -> {
      List<CustomerPage> pages = new ArrayList<>();
      for (int partition : localPartitions()) {
        ReadOnlyKeyValueStore<String, CustomerState> customers = customerStore(partition);
        AudienceScan.Candidates candidates =
            AudienceScan.of(filter, store(StoreNames.AUDIENCE_INDEX, partition), customers);
        Judging judging = judging(partition);
        List<Map<String, Object>> matches = new ArrayList<>();
        for (String customerId : candidates.customerIds()) {
          CustomerState state = customers.get(customerId);
          if (state != null && CustomerLedger.hasPurchased(state)) {
            CustomerLtv ltv = valuation.viewAt(customerId, state, judging, now);
            if (filter.matches(ltv)) {
              matches.add(AvroJson.toMap(ltv));
            }
          }
        }
        String last = candidates.customerIds().isEmpty() ? null : candidates.customerIds().get(candidates.customerIds().size() - 1);
        pages.add(new CustomerPage(matches, candidates.more() ? last : null));
      }
      return CustomerPage.merge(pages, filter.limit());
    });
  }

  @Override
  public SegmentReport segments() {
    List<CustomerSummary> summaries = new ArrayList<>(localSummaries());
    for (HostInfo peer : peers()) {
      summaries.addAll(peers.get(peer, "/api/segments?local=true", SUMMARIES));
    }
    return SegmentReport.of(summaries);
  }

  @Override
  public List<CustomerSummary> localSummaries() {
    List<CustomerSummary> summaries = new ArrayList<>();
    forEachLocalCustomer(ltv -> summaries.add(CustomerSummary.of(ltv)));
    return summaries;
  }

  @Override
  public AudienceCounts audiences() {
    List<AudienceCounts.Cell> cells = new ArrayList<>(localAudienceCells());
    for (HostInfo peer : peers()) {
      cells.addAll(peers.get(peer, "/api/audiences?local=true", AUDIENCE_CELLS));
    }
    return AudienceCounts.of(cells, valuation.currency());
  }

  @Override
  public List<AudienceCounts.Cell> localAudienceCells() {
    requireRunning();
    return guarded(() -> {
      List<AudienceCounts.Cell> cells = new ArrayList<>();
      for (int partition : localPartitions()) {
        ReadOnlyKeyValueStore<String, SegmentCount> counts = store(StoreNames.SEGMENT_COUNTS, partition);
        try (KeyValueIterator<String, SegmentCount> all = counts.all()) {
          all.forEachRemaining(entry -> {
            String[] cell = AudienceKeys.cellOf(entry.key);
            cells.add(new AudienceCounts.Cell(cell[0], cell[1], entry.value.getCustomers(), entry.value.getNetRevenueMinor()));
          });
        }
      }
      return cells;
    });
  }

  @Override
  public CohortReport cohorts() {
    List<CohortCellView> cells = new ArrayList<>(localCohortCells());
    for (HostInfo peer : peers()) {
      cells.addAll(peers.get(peer, "/api/cohorts?local=true", CELLS));
    }
    return CohortReport.of(cells, valuation.currency());
  }

  @Override
  public List<CohortCellView> localCohortCells() {
    requireRunning();
    return guarded(() -> {
      List<CohortCellView> cells = new ArrayList<>();
      ReadOnlyKeyValueStore<String, CohortCell> store = store(StoreNames.COHORT_AGGREGATES, null);
      try (KeyValueIterator<String, CohortCell> all = store.all()) {
        all.forEachRemaining(entry -> cells.add(CohortCellView.of(entry.value)));
      }
      return cells;
    });
  }

  @Override
  public EngineHealth.Verdict health() {
    return health.verdict();
  }

  /** Every customer of this instance's partitions, valued now with their partition's rhythm. */
  private void forEachLocalCustomer(Consumer<CustomerLtv> action) {
    requireRunning();
    long now = valuation.clock().now();
    guarded(() -> {
      for (int partition : localPartitions()) {
        Judging judging = judging(partition);
        try (KeyValueIterator<String, CustomerState> all = customerStore(partition).all()) {
          while (all.hasNext()) {
            KeyValue<String, CustomerState> entry = all.next();
            if (CustomerLedger.hasPurchased(entry.value)) {
              action.accept(valuation.viewAt(entry.key, entry.value, judging, now));
            }
          }
        }
      }
      return null;
    });
  }

  private List<Integer> localPartitions() {
    return streams.metadataForLocalThreads().stream()
        .flatMap(thread -> thread.activeTasks().stream())
        .flatMap(task -> task.topicPartitions().stream())
        .filter(partition -> partition.topic().equals(placement.ordersTopic()))
        .map(TopicPartition::partition)
        .sorted()
        .toList();
  }

  private List<HostInfo> peers() {
    requireRunning();
    return streams.metadataForAllStreamsClients().stream()
        .map(StreamsMetadata::hostInfo)
        .filter(host -> !host.equals(placement.self()))
        .distinct()
        .toList();
  }

  private ReadOnlyKeyValueStore<String, CustomerState> customerStore(int partition) {
    return store(StoreNames.CUSTOMER_STATE, partition);
  }

  /** The customer's partition's population and the published model, read as the task reads them. */
  private Judging judging(int partition) {
    ReadOnlyKeyValueStore<String, Long> population = store(StoreNames.POPULATION_RHYTHM, partition);
    return new Judging(PopulationRhythm.readOnly(population, valuation.populationDefaults()), models);
  }

  /** The global model store answers for every instance; while it is not ready, there is no model. */
  private static LtvModel publishedModel(KafkaStreams streams, String name) {
    try {
      return streams
          .store(StoreQueryParameters.fromNameAndType(StoreNames.MODEL, QueryableStoreTypes.<String, LtvModel>keyValueStore()))
          .get(name);
    } catch (InvalidStateStoreException notReady) {
      return null;
    }
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, Integer partition) {
    StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> parameters =
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
    return streams.store(partition == null ? parameters : parameters.withPartition(partition));
  }

  /**
   * Every answer needs every local thread running: while one is replaced or restoring, its
   * partitions' customers would silently be missing from lists and counts.
   */
  private void requireRunning() {
    if (!health.ready()) {
      throw QueryException.unavailable("The engine is not ready (" + streams.state() + "); try again shortly");
    }
  }

  /** A store that moves or restores while it is read makes the answer temporarily unavailable. */
  private static <T> T guarded(Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidStateStoreException e) {
      throw QueryException.unavailable("State is being rebalanced or restored: " + e.getMessage(), e);
    }
  }
}
