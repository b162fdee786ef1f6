package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.streams.stores.ChurnIndex;
import io.ltvengine.valuation.CheckOutcome;
import io.ltvengine.valuation.Valuation;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Finds customers who have gone quiet. It reads only the churn index entries that are due, so its
 * cost follows the number of customers due for a check, not the number of customers. Each quiet
 * episode raises one alert: the customer leaves the index until they buy again.
 */
final class ChurnPunctuator implements Punctuator {

  private final Valuation valuation;
  private final Task task;
  private final Outputs outputs;
  private final int maxChecks;
  private final BacklogGuard backlog;

  ChurnPunctuator(Valuation valuation, Task task, Outputs outputs, int maxChecks, BacklogGuard backlog) {
    this.valuation = valuation;
    this.task = task;
    this.outputs = outputs;
    this.maxChecks = maxChecks;
    this.backlog = backlog;
  }

  @Override
  public void punctuate(long timestamp) {
    long now = valuation.clock().at(timestamp);
    outputs.timed(() -> checkDue(now));
  }

  private void checkDue(long now) {
    if (backlog.catchingUp()) {
      return;
    }
    ChurnIndex index = task.churnIndex();
    for (ChurnIndex.Due due : index.due(now, maxChecks)) {
      index.cancel(due.checkAt(), due.customerId());
      CustomerState state = task.customers().get(due.customerId());
      if (state != null && state.getNextCheckAt() == due.checkAt()) {
        check(due.customerId(), state, now);
      }
    }
  }

  /**
   * Alerts if the customer is now quiet, or moves them to the risk tier their silence reached; a
   * changed rhythm or model may have moved the check.
   */
  private void check(String customerId, CustomerState state, long now) {
    CheckOutcome outcome = valuation.check(customerId, state, now, task.judging(), task.churnIndex());
    task.customers().put(customerId, state);
    Record<String, Void> cause = new Record<>(customerId, null, now);
    outcome.alert().ifPresent(alert -> outputs.churnRisk(cause, alert));
    outcome.ltv().ifPresent(ltv -> outputs.ltv(cause, ltv));
    outcome.audience().ifPresent(move -> outputs.audienceMove(cause, move, task.audiences()));
  }
}
