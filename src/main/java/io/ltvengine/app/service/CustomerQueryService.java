package io.ltvengine.app.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ltvengine.avro.CohortCell;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.streams.stores.AudienceKeys;
import io.ltvengine.streams.stores.TaskSketch;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.SegmentSketch;
import io.ltvengine.valuation.Valuation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries on the engine's stores. A customer lives in one partition, owned by one
 * instance: a request for them is forwarded to that instance, or answered by a copy while it
 * cannot ({@link CustomerLookup}). Lists, counts and cohorts are answered by every instance for
 * its own partitions and merged by the one that was asked ({@link PeerFanOut}).
 */
public final class CustomerQueryService implements CustomerQueries {

  private static final TypeReference<CustomerPage> PAGE = new TypeReference<>() {};
  private static final TypeReference<LocalSegments> LOCAL_SEGMENTS = new TypeReference<>() {};
  private static final TypeReference<List<CohortCellView>> CELLS = new TypeReference<>() {};
  private static final TypeReference<List<AudienceCounts.Cell>> AUDIENCE_CELLS = new TypeReference<>() {};

  /**
   * Where this instance is: its API's address, the topics whose partitions its tasks own (orders
   * for customers, cohort deltas for the cohort table), and how many changelog offsets behind a
   * standby or restoring copy may be to answer for a customer.
   */
  public record Placement(HostInfo self, String ordersTopic, String cohortDeltasTopic, long maxLagOffsets) {}

  private final Placement placement;
  private final Valuation valuation;
  private final EngineHealth health;
  private final LocalStores stores;
  private final CustomerLookup lookup;
  private final PeerFanOut fanOut;
  private final LocalSketch localSketch = new LocalSketch();
  private final PopulationSketch population = new PopulationSketch();

  public CustomerQueryService(
      KafkaStreams streams, Placement placement, Valuation valuation, EngineHealth health, PeerClient peers) {
    this.placement = placement;
    this.valuation = valuation;
    this.health = health;
    this.stores = new LocalStores(streams, placement.ordersTopic(), valuation.populationDefaults());
    this.lookup = new CustomerLookup(streams, stores, placement, valuation, peers);
    this.fanOut = new PeerFanOut(streams, stores, placement.self(), peers);
  }

  @Override
  public Answer<Map<String, Object>> customer(String customerId, boolean localOnly, boolean anyLocalCopy) {
    return lookup.customer(customerId, localOnly, anyLocalCopy);
  }

  @Override
  public Answer<CustomerPage> customers(CustomerFilter filter, boolean localOnly) {
    if (localOnly) {
      return Answer.whole(localCustomers(filter));
    }
    List<String> missing = new ArrayList<>();
    List<CustomerPage> pages = new ArrayList<>();
    pages.add(localCustomers(filter));
    pages.addAll(fanOut.ask("/api/customers?local=true&" + filter.toQuery(), PAGE, placement.ordersTopic(), missing));
    return Answer.partial(CustomerPage.merge(pages, filter.limit()), missing);
  }

  /**
   * A page of this instance's audience: each partition's candidates from the audience index, at
   * most a page each, merged by id and cut to a page before any is valued, so a page values a
   * page. The index holds each customer's audiences as of their last order or churn check; a
   * customer whose value now has left the audience is left out.
   */
  private CustomerPage localCustomers(CustomerFilter filter) {
    requireRunning();
    long now = valuation.clock().now();
    return LocalStores.guarded(() -> {
      List<Candidate> candidates = new ArrayList<>();
      String cut = null;
      for (int partition : stores.partitions()) {
        AudienceScan.Candidates found =
            AudienceScan.of(filter, stores.active(StoreNames.AUDIENCE_INDEX, partition), stores.customers(partition));
        found.customerIds().forEach(id -> candidates.add(new Candidate(partition, id)));
        if (found.more()) {
          String last = found.customerIds().get(found.customerIds().size() - 1);
          cut = cut == null || last.compareTo(cut) < 0 ? last : cut;
        }
      }
      String end = cut;
      List<Candidate> page = candidates.stream()
          .filter(candidate -> end == null || candidate.customerId().compareTo(end) <= 0)
          .sorted(Comparator.comparing(Candidate::customerId))
          .toList();
      String next = page.size() > filter.limit() ? page.get(filter.limit() - 1).customerId() : end;
      return new CustomerPage(valued(page.subList(0, Math.min(page.size(), filter.limit())), filter, now), next);
    });
  }

  /** A customer of the index and the partition that holds them. */
  private record Candidate(int partition, String customerId) {}

  /** A partition's customers and the judging of its rhythm, looked up once for a page. */
  private record PartitionView(ReadOnlyKeyValueStore<String, CustomerState> customers, Judging judging) {}

  private List<Map<String, Object>> valued(List<Candidate> page, CustomerFilter filter, long now) {
    Map<Integer, PartitionView> partitions = new HashMap<>();
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Candidate candidate : page) {
      PartitionView view = partitions.computeIfAbsent(candidate.partition(),
          partition -> new PartitionView(stores.customers(partition), stores.judging(partition, false)));
      CustomerState state = view.customers().get(candidate.customerId());
      if (state != null && CustomerLedger.hasPurchased(state)) {
        CustomerLtv ltv = valuation.viewAt(candidate.customerId(), state, view.judging(), now);
        if (filter.matches(ltv)) {
          matches.add(AvroJson.toMap(ltv));
        }
      }
    }
    return matches;
  }

  @Override
  public Answer<SegmentReport> segments() {
    List<String> missing = new ArrayList<>();
    List<LocalSegments> instances = new ArrayList<>(List.of(localSegments()));
    instances.addAll(fanOut.ask("/api/segments?local=true", LOCAL_SEGMENTS, placement.ordersTopic(), missing));
    List<AudienceCounts.Cell> cells = new ArrayList<>();
    instances.forEach(instance -> cells.addAll(instance.cells()));
    AudienceCounts counts = AudienceCounts.of(cells, valuation.currency());
    SegmentSketch.Summary sketch = population.of(instances);
    return Answer.partial(SegmentReport.of(counts, sketch, valuation.currency(), valuation.clock().now()), missing);
  }

  @Override
  public LocalSegments localSegments() {
    List<AudienceCounts.Cell> cells = localAudienceCells();
    Map<Integer, SegmentDigest> digests = LocalStores.guarded(() -> {
      Map<Integer, SegmentDigest> walked = new TreeMap<>();
      for (int partition : stores.partitions()) {
        ReadOnlyKeyValueStore<String, SegmentDigest> store = stores.active(StoreNames.SEGMENT_SKETCHES, partition);
        SegmentDigest digest = store.get(TaskSketch.KEY);
        if (digest != null) {
          walked.put(partition, digest);
        }
      }
      return walked;
    });
    return new LocalSegments(cells, localSketch.of(digests));
  }

  @Override
  public Answer<AudienceCounts> audiences() {
    List<String> missing = new ArrayList<>();
    List<AudienceCounts.Cell> cells = new ArrayList<>(localAudienceCells());
    fanOut.ask("/api/audiences?local=true", AUDIENCE_CELLS, placement.ordersTopic(), missing).forEach(cells::addAll);
    return Answer.partial(AudienceCounts.of(cells, valuation.currency()), missing);
  }

  @Override
  public List<AudienceCounts.Cell> localAudienceCells() {
    requireRunning();
    return LocalStores.guarded(() -> {
      List<AudienceCounts.Cell> cells = new ArrayList<>();
      for (int partition : stores.partitions()) {
        ReadOnlyKeyValueStore<String, SegmentCount> counts = stores.active(StoreNames.SEGMENT_COUNTS, partition);
        try (KeyValueIterator<String, SegmentCount> all = counts.all()) {
          all.forEachRemaining(entry -> {
            String[] cell = AudienceKeys.cellOf(entry.key);
            SegmentCount count = entry.value;
            cells.add(new AudienceCounts.Cell(cell[0], cell[1], cell[2], count.getCustomers(),
                count.getNetRevenueMinor(), count.getValueMinor()));
          });
        }
      }
      return cells;
    });
  }

  @Override
  public Answer<CohortReport> cohorts() {
    List<String> missing = new ArrayList<>();
    List<CohortCellView> cells = new ArrayList<>(localCohortCells());
    fanOut.ask("/api/cohorts?local=true", CELLS, placement.cohortDeltasTopic(), missing).forEach(cells::addAll);
    return Answer.partial(CohortReport.of(cells, valuation.currency()), missing);
  }

  @Override
  public List<CohortCellView> localCohortCells() {
    requireRunning();
    return LocalStores.guarded(() -> {
      List<CohortCellView> cells = new ArrayList<>();
      ReadOnlyKeyValueStore<String, CohortCell> store = stores.active(StoreNames.COHORT_AGGREGATES, null);
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

  /**
   * Every list and count needs every local thread running: while one is replaced or restoring,
   * its partitions' customers would silently be missing.
   */
  private void requireRunning() {
    if (!health.ready()) {
      throw QueryException.unavailable("The engine is not ready; try again shortly");
    }
  }
}
