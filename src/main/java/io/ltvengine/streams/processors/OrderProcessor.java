package io.ltvengine.streams.processors;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.customer.Assessment;
import io.ltvengine.model.customer.CohortDeltas;
import io.ltvengine.model.customer.CustomerLedger;
import io.ltvengine.model.customer.OrderFacts;
import io.ltvengine.model.customer.RecentEvents;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.streams.stores.ChurnIndex;
import io.ltvengine.streams.stores.PendingCohortDeltas;
import io.ltvengine.streams.stores.PopulationRhythm;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Turns each order into an updated customer value: validates it, drops duplicates, updates the
 * customer's state, reschedules their churn check and emits the LTV update, plus a reactivation
 * event when a customer with an open churn alert buys again.
 */
public final class OrderProcessor extends ContextualProcessor<String, Order, String, SpecificRecord> {

  /** Names of the stores and children this processor is wired to. */
  public record Wiring(
      String customerStore,
      String churnIndexStore,
      String populationStore,
      String modelStore,
      String ltvChild,
      String alertChild,
      String cohortChild,
      String pendingCohortStore) {}

  /**
   * When and how the churn check runs, how far behind its clock processed orders may be before it
   * waits for the backlog, and how often cohort changes are sent on.
   */
  public record ChurnSchedule(
      Duration interval,
      PunctuationType type,
      ChurnClock clock,
      int maxChecksPerPunctuation,
      Duration backlogTolerance,
      Duration cohortFlushInterval) {}

  private final Wiring wiring;
  private final ChurnSchedule schedule;
  private final OrderValidator validator;
  private final RecentEvents recentEvents;
  private final CustomerValuation valuation;
  private final ModelPredictions.Options modelOptions;
  private final double minorPerMajor;
  private final double defaultGapDays;
  private final long minPopulationGaps;
  private final LtvMetrics metrics;
  private KeyValueStore<String, CustomerState> customers;
  private BacklogGuard backlog;
  private PendingCohortDeltas pendingCohorts;
  private Cancellable churnCheck;
  private Cancellable cohortFlush;

  OrderProcessor(
      Wiring wiring,
      ChurnSchedule schedule,
      OrderValidator validator,
      RecentEvents recentEvents,
      CustomerValuation valuation,
      ModelPredictions.Options modelOptions,
      double minorPerMajor,
      double defaultGapDays,
      long minPopulationGaps,
      LtvMetrics metrics) {
    this.wiring = wiring;
    this.schedule = schedule;
    this.validator = validator;
    this.recentEvents = recentEvents;
    this.valuation = valuation;
    this.modelOptions = modelOptions;
    this.minorPerMajor = minorPerMajor;
    this.defaultGapDays = defaultGapDays;
    this.minPopulationGaps = minPopulationGaps;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    super.init(context);
    customers = context.getStateStore(wiring.customerStore());
    KeyValueStore<Bytes, byte[]> index = context.getStateStore(wiring.churnIndexStore());
    KeyValueStore<String, Long> population = context.getStateStore(wiring.populationStore());
    ReadOnlyKeyValueStore<String, LtvModel> models = context.getStateStore(wiring.modelStore());
    valuation.bind(
        new ChurnIndex(index),
        new PopulationRhythm(population, defaultGapDays, minPopulationGaps),
        new ModelPredictions(models::get, modelOptions, minorPerMajor));
    backlog =
        schedule.type() == PunctuationType.STREAM_TIME
            ? BacklogGuard.never()
            : new BacklogGuard(schedule.backlogTolerance().toMillis());
    ChurnPunctuator punctuator =
        new ChurnPunctuator(
            context, customers, valuation, wiring, schedule.clock(), schedule.maxChecksPerPunctuation(), metrics, backlog);
    churnCheck = context.schedule(schedule.interval(), schedule.type(), punctuator);
    pendingCohorts = new PendingCohortDeltas(context.getStateStore(wiring.pendingCohortStore()));
    cohortFlush =
        context.schedule(
            schedule.cohortFlushInterval(),
            PunctuationType.WALL_CLOCK_TIME,
            new CohortFlushPunctuator(context, pendingCohorts, wiring.cohortChild()));
  }

  @Override
  public void process(Record<String, Order> record) {
    OrderFacts order = validator.validate(record.key(), record.value(), record.timestamp());
    String customerId = order.customerId();
    CustomerState state = customers.get(customerId);
    if (state == null) {
      state = CustomerLedger.emptyState();
    }
    if (recentEvents.contains(state, order)) {
      metrics.duplicate();
      return;
    }
    recentEvents.remember(state, order);
    metrics.orderAccepted();
    backlog.processed(order.eventTime(), schedule.clock().now(context().currentSystemTimeMs()));

    boolean newerPurchase =
        order.type() == OrderType.PURCHASE && order.eventTime() > state.getLastPurchaseAt();
    boolean reactivates = newerPurchase && state.getOpenAlertId() != null;
    CohortDeltas.Before cohortBefore = CohortDeltas.Before.of(state, order);
    if (newerPurchase && CustomerLedger.hasPurchased(state)) {
      valuation.population().addGap(order.eventTime() - state.getLastPurchaseAt());
    }
    CustomerLedger.apply(state, order);
    String closedAlertId = state.getOpenAlertId();
    if (reactivates) {
      state.setOpenAlertId(null);
      state.setReactivatedAt(order.eventTime());
    }
    valuation.reschedule(customerId, state);
    customers.put(customerId, state);
    emit(record, customerId, state, reactivates ? closedAlertId : null);
    CohortDeltas.between(cohortBefore, state, order).forEach(pendingCohorts::add);
  }

  private void emit(Record<String, Order> record, String customerId, CustomerState state, String closedAlertId) {
    if (!CustomerLedger.hasPurchased(state)) {
      return;
    }
    long asOf = state.getLastEventAt();
    Assessment assessment = valuation.assess(state, asOf);
    context().forward(
        record.withValue(valuation.records().ltv(customerId, state, assessment, asOf)),
        wiring.ltvChild());
    metrics.ltvUpdate();
    if (closedAlertId != null) {
      ChurnAlert reactivated =
          valuation.records().reactivated(closedAlertId, customerId, state, assessment, asOf);
      context().forward(record.withValue(reactivated), wiring.alertChild());
      metrics.reactivation();
    }
  }

  @Override
  public void close() {
    if (churnCheck != null) {
      churnCheck.cancel();
      cohortFlush.cancel();
    }
  }
}
