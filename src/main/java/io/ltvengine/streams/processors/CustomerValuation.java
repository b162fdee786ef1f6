package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.customer.Assessment;
import io.ltvengine.model.customer.CustomerAssessor;
import io.ltvengine.model.customer.OutputRecords;
import io.ltvengine.streams.stores.ChurnIndex;
import io.ltvengine.streams.stores.PopulationRhythm;

/**
 * What the order processor and the churn punctuator share: judging a customer now, and keeping
 * their entry in the churn index in step with their state.
 */
final class CustomerValuation {

  private final CustomerAssessor assessor;
  private final OutputRecords records;
  private Predictions predictions;
  private ChurnIndex churnIndex;
  private PopulationRhythm population;

  CustomerValuation(CustomerAssessor assessor, OutputRecords records) {
    this.assessor = assessor;
    this.records = records;
  }

  void bind(ChurnIndex churnIndex, PopulationRhythm population, Predictions predictions) {
    this.churnIndex = churnIndex;
    this.population = population;
    this.predictions = predictions;
  }

  OutputRecords records() {
    return records;
  }

  ChurnIndex churnIndex() {
    return churnIndex;
  }

  PopulationRhythm population() {
    return population;
  }

  Assessment assess(CustomerState state, long now) {
    return assessor.assess(state, now, population.meanGapDays(), predictions.predict(state, now));
  }

  /**
   * When the customer's silence becomes notable: when the model's P(alive) falls below the alert
   * threshold, or by the rhythm rule where no model can judge the customer.
   */
  long quietFrom(CustomerState state) {
    return predictions
        .alertTime(state)
        .orElseGet(() -> assessor.quietFrom(state, population.meanGapDays()));
  }

  /**
   * Keeps the customer's index entry no later than their check time. An entry that comes due
   * early is cheap: the punctuator finds the customer not yet quiet and moves it on. So an order,
   * which usually pushes the check time later, leaves the entry alone, and a customer's entry is
   * rewritten about once per check period instead of on every order. A customer with nothing to
   * check (an open alert, no purchase left) leaves the index.
   */
  void reschedule(String customerId, CustomerState state) {
    long checkAt = state.getOpenAlertId() == null && state.getOrders() > 0 ? quietFrom(state) : 0;
    long indexedAt = state.getNextCheckAt();
    if (checkAt != 0 && indexedAt != 0 && indexedAt <= checkAt) {
      return;
    }
    if (indexedAt != 0) {
      churnIndex.cancel(indexedAt, customerId);
    }
    if (checkAt != 0) {
      churnIndex.schedule(checkAt, customerId);
    }
    state.setNextCheckAt(checkAt);
  }
}
