package io.ltvengine.app.http;

import io.ltvengine.app.service.Answer;
import io.ltvengine.app.service.AudienceCounts;
import io.ltvengine.app.service.CohortCellView;
import io.ltvengine.app.service.EngineHealth;
import io.ltvengine.app.service.CohortReport;
import io.ltvengine.app.service.CustomerFilter;
import io.ltvengine.app.service.CustomerPage;
import io.ltvengine.app.service.CustomerQueries;
import io.ltvengine.app.service.LocalSegments;
import io.ltvengine.app.service.QueryException;
import io.ltvengine.app.service.SegmentReport;
import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.valuation.CurrencyConverter;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.SegmentSketch;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/** Answers from fixed data; unknown customers and a non-running state fail like the real one. */
final class FakeQueries implements CustomerQueries {
  KafkaStreams.State state = KafkaStreams.State.RUNNING;
  CustomerFilter lastFilter;
  boolean lastLocal;
  volatile String lastCustomerId;
  /** When set, segment requests wait for it: a saturated engine. */
  volatile CountDownLatch segmentsGate;
  /** Partitions the segment answer says it lacks, as when an instance cannot be asked. */
  List<String> missingPartitions = List.of();

  private final CohortCellView cell = new CohortCellView("ACQUISITION_MONTH", "2026-01", 0, 1, 1, 50_00);

  private void requireRunning() {
    if (state != KafkaStreams.State.RUNNING) {
      throw QueryException.unavailable("The engine is " + state);
    }
  }

  @Override
  public Answer<Map<String, Object>> customer(String customerId, boolean localOnly, boolean anyLocalCopy) {
    lastCustomerId = customerId;
    requireRunning();
    if (!customerId.equals("alice")) {
      throw QueryException.notFound("No customer " + customerId);
    }
    return Answer.whole(Map.of("customerId", "alice"));
  }

  @Override
  public Answer<CustomerPage> customers(CustomerFilter filter, boolean localOnly) {
    lastFilter = filter;
    lastLocal = localOnly;
    return Answer.whole(new CustomerPage(List.of(Map.of("customerId", "alice")), null));
  }

  @Override
  public Answer<SegmentReport> segments() {
    awaitGate();
    CurrencyConverter euros = CurrencyConverter.parse("EUR", "");
    SegmentSketch sketch = SegmentSketch.empty();
    sketch.add("alice", alice(), Optional.empty());
    SegmentReport report = SegmentReport.of(AudienceCounts.of(localAudienceCells(), euros), sketch.walked(1_000).summary(), euros, 0);
    return new Answer<>(report, missingPartitions, Answer.ACTIVE, 0);
  }

  @Override
  public LocalSegments localSegments() {
    return new LocalSegments(localAudienceCells(), null);
  }

  @Override
  public Answer<CohortReport> cohorts() {
    return Answer.whole(CohortReport.of(List.of(cell), CurrencyConverter.parse("EUR", "")));
  }

  @Override
  public List<CohortCellView> localCohortCells() {
    return List.of(cell);
  }

  @Override
  public Answer<AudienceCounts> audiences() {
    return Answer.whole(AudienceCounts.of(localAudienceCells(), CurrencyConverter.parse("EUR", "")));
  }

  @Override
  public List<AudienceCounts.Cell> localAudienceCells() {
    return List.of(new AudienceCounts.Cell("ACTIVE", "LOW", "rest", 1, 12_000, 15_000));
  }

  @Override
  public EngineHealth.Verdict health() {
    boolean alive = state != KafkaStreams.State.ERROR;
    return new EngineHealth.Verdict(
        alive, state == KafkaStreams.State.RUNNING, state.name(), alive ? List.of() : List.of("Kafka Streams is " + state));
  }

  private static CustomerState alice() {
    CustomerState state = CustomerLedger.emptyState();
    state.setOrders(2);
    state.setAudience(new AudienceMembership("ACTIVE", "LOW", 12_000L, "rest", 15_000L));
    return state;
  }

  private void awaitGate() {
    CountDownLatch gate = segmentsGate;
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
