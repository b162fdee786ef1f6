package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.customer.Assessment;
import io.ltvengine.model.customer.OutputRecords;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.streams.stores.ChurnIndex;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Finds customers who have gone quiet. It reads only the churn index entries that are due, so its
 * cost follows the number of customers due for a check, not the number of customers. Each quiet
 * episode raises one alert: the customer leaves the index until they buy again.
 */
public final class ChurnPunctuator implements Punctuator {

  private final ProcessorContext<String, SpecificRecord> context;
  private final KeyValueStore<String, CustomerState> customers;
  private final CustomerValuation valuation;
  private final OrderProcessor.Wiring wiring;
  private final ChurnClock clock;
  private final int maxChecks;
  private final LtvMetrics metrics;
  private final BacklogGuard backlog;

  ChurnPunctuator(
      ProcessorContext<String, SpecificRecord> context,
      KeyValueStore<String, CustomerState> customers,
      CustomerValuation valuation,
      OrderProcessor.Wiring wiring,
      ChurnClock clock,
      int maxChecks,
      LtvMetrics metrics,
      BacklogGuard backlog) {
    this.context = context;
    this.customers = customers;
    this.valuation = valuation;
    this.wiring = wiring;
    this.clock = clock;
    this.maxChecks = maxChecks;
    this.metrics = metrics;
    this.backlog = backlog;
  }

  @Override
  public void punctuate(long timestamp) {
    metrics.punctuation().record(() -> checkDue(clock.now(timestamp)));
  }

  private void checkDue(long now) {
    if (backlog.catchingUp()) {
      return;
    }
    ChurnIndex index = valuation.churnIndex();
    for (ChurnIndex.Due due : index.due(now, maxChecks)) {
      index.cancel(due.checkAt(), due.customerId());
      CustomerState state = customers.get(due.customerId());
      if (state != null && state.getNextCheckAt() == due.checkAt()) {
        check(due.customerId(), state, now);
      }
    }
  }

  /** Alerts if the customer is still quiet; a changed rhythm or model may have moved the check. */
  private void check(String customerId, CustomerState state, long now) {
    state.setNextCheckAt(0L);
    if (valuation.quietFrom(state) > now) {
      valuation.reschedule(customerId, state);
      customers.put(customerId, state);
      return;
    }
    state.setOpenAlertId(OutputRecords.alertId(customerId, state.getLastPurchaseAt()));
    customers.put(customerId, state);
    Assessment assessment = valuation.assess(state, now);
    OutputRecords records = valuation.records();
    context.forward(
        new Record<>(customerId, records.churnRisk(customerId, state, assessment, now), now),
        wiring.alertChild());
    context.forward(
        new Record<>(customerId, records.ltv(customerId, state, assessment, now), now),
        wiring.ltvChild());
    metrics.churnAlert();
    metrics.ltvUpdate();
  }
}
