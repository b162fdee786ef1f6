package io.ltvengine.streams.processors;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.streams.stores.AudienceBook;
import io.ltvengine.streams.stores.ChurnIndex;
import io.ltvengine.streams.stores.PendingCohortDeltas;
import io.ltvengine.streams.stores.PopulationRhythm;
import io.ltvengine.streams.stores.TaskSketch;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.OrderFacts;
import io.ltvengine.valuation.OrderOutcome;
import io.ltvengine.valuation.Valuation;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Turns each order into an updated customer value. The valuation core validates and applies it;
 * this processor reads and writes the customer's state and forwards what the core produced: the
 * LTV update, a reactivation when a customer with an open churn alert buys again, cohort changes,
 * the customer's audience move. Its punctuators check quiet customers, send cohort changes and
 * segment counts on, and walk the customers to rank them by value.
 */
public final class OrderProcessor extends ContextualProcessor<String, Order, String, SpecificRecord> {

  /** Names of the stores this processor is connected to. */
  public record Stores(
      String customers,
      String churnIndex,
      String population,
      String model,
      String pendingCohorts,
      String audienceIndex,
      String segmentCounts,
      String segmentSketches) {}

  /** Names of the sinks this processor forwards to. */
  public record Children(String ltv, String alerts, String cohortDeltas, String audiences, String segmentShares) {}

  /** What the processor is wired to. */
  public record Wiring(Stores stores, Children children) {}

  /**
   * When the churn check runs and how much it may do at once, how far behind the clock processed
   * orders may be before it waits for the backlog, how often cohort changes and segment counts are
   * sent on, and how many customers the ranking walk reads at once.
   */
  public record Schedule(
      Duration churnCheckInterval,
      PunctuationType churnCheckType,
      int maxChecksPerPunctuation,
      Duration backlogTolerance,
      Duration cohortFlushInterval,
      Duration segmentFlushInterval,
      int walkBatch) {}

  /** How often the ranking walk takes its next batch. */
  private static final Duration WALK_INTERVAL = Duration.ofSeconds(1);
  /**
   * A replay in stream time passes a second of shop time with nearly every order: there the walk
   * takes a batch per day of shop time instead.
   */
  private static final Duration STREAM_TIME_WALK_INTERVAL = Duration.ofDays(1);

  private final Valuation valuation;
  private final Wiring wiring;
  private final Schedule schedule;
  private final LtvMetrics metrics;
  private final DeadLetterBreaker breaker;
  private Task task;
  private Outputs outputs;
  private BacklogGuard backlog;
  private PendingCohortDeltas pendingCohorts;
  private Cancellable churnCheck;
  private Cancellable cohortFlush;
  private Cancellable segmentWalk;
  private Cancellable segmentFlush;

  public OrderProcessor(
      Valuation valuation, Wiring wiring, Schedule schedule, LtvMetrics metrics, DeadLetterBreaker breaker) {
    this.valuation = valuation;
    this.wiring = wiring;
    this.schedule = schedule;
    this.metrics = metrics;
    this.breaker = breaker;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    super.init(context);
    Stores stores = wiring.stores();
    ReadOnlyKeyValueStore<String, LtvModel> models = context.getStateStore(stores.model());
    TaskSketch sketch = new TaskSketch(context.getStateStore(stores.segmentSketches()));
    task = new Task(
        context.getStateStore(stores.customers()),
        new ChurnIndex(context.getStateStore(stores.churnIndex())),
        new Judging(
            new PopulationRhythm(context.getStateStore(stores.population()), valuation.populationDefaults()),
            models::get,
            sketch),
        new AudienceBook(context.getStateStore(stores.audienceIndex()), context.getStateStore(stores.segmentCounts())),
        sketch);
    outputs = new Outputs(context, wiring.children(), metrics);
    backlog =
        schedule.churnCheckType() == PunctuationType.STREAM_TIME
            ? BacklogGuard.never()
            : new BacklogGuard(schedule.backlogTolerance().toMillis(), valuation.clock());
    churnCheck = context.schedule(
        schedule.churnCheckInterval(),
        schedule.churnCheckType(),
        new ChurnPunctuator(valuation, task, outputs, schedule.maxChecksPerPunctuation(), backlog));
    pendingCohorts = new PendingCohortDeltas(context.getStateStore(stores.pendingCohorts()));
    cohortFlush = context.schedule(
        schedule.cohortFlushInterval(), PunctuationType.WALL_CLOCK_TIME, new CohortFlushPunctuator(pendingCohorts, outputs));
    segmentWalk = context.schedule(walkInterval(), schedule.churnCheckType(),
        new SegmentWalk(valuation, task, outputs, schedule.walkBatch()));
    segmentFlush = context.schedule(schedule.segmentFlushInterval(), PunctuationType.WALL_CLOCK_TIME,
        new SegmentShareFlush(task.audiences(), outputs, context.taskId().partition()));
  }

  /** The walk runs on the churn check's time, so that a replay in stream time ranks by stream time too. */
  private Duration walkInterval() {
    return schedule.churnCheckType() == PunctuationType.STREAM_TIME ? STREAM_TIME_WALK_INTERVAL : WALK_INTERVAL;
  }

  @Override
  public void process(Record<String, Order> record) {
    breaker.seen();
    OrderFacts order = valuation.validate(record.key(), record.value(), record.timestamp());
    CustomerState state = task.customers().get(order.customerId());
    if (state == null) {
      state = CustomerLedger.emptyState();
    }
    OrderOutcome outcome = valuation.apply(order, state, task.judging(), task.churnIndex());
    if (outcome.duplicate()) {
      metrics.duplicate();
      return;
    }
    metrics.orderAccepted();
    backlog.processed(order.eventTime(), context().currentSystemTimeMs());
    task.customers().put(order.customerId(), state);
    outcome.ltv().ifPresent(ltv -> outputs.ltv(record, ltv));
    outcome.reactivation().ifPresent(alert -> outputs.reactivation(record, alert));
    outcome.cohortDeltas().forEach(pendingCohorts::add);
    outcome.audience().ifPresent(move -> outputs.audienceMove(record, move, task.audiences()));
  }

  @Override
  public void close() {
    if (churnCheck != null) {
      churnCheck.cancel();
      cohortFlush.cancel();
      segmentWalk.cancel();
      segmentFlush.cancel();
    }
  }
}
