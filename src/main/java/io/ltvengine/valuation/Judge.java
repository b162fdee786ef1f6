package io.ltvengine.valuation;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.state.CustomerState;
import java.util.Optional;

/**
 * Judges a customer: their assessment at a moment, and when their silence becomes notable, which
 * is when their churn check is booked. The model decides where it can; the rhythm rule elsewhere.
 */
final class Judge {

  private final CustomerAssessor assessor;
  private final ModelPredictions predictions;
  private final PopulationDefaults populationDefaults;

  Judge(CustomerAssessor assessor, ModelPredictions predictions, PopulationDefaults populationDefaults) {
    this.assessor = assessor;
    this.predictions = predictions;
    this.populationDefaults = populationDefaults;
  }

  PopulationDefaults populationDefaults() {
    return populationDefaults;
  }

  Optional<String> modelProblem(LtvModel model) {
    return predictions.problem(model);
  }

  Assessment assess(CustomerState state, long now, Judging judging) {
    return assessor.assess(
        state, now, judging.population().meanGapDays(), predictions.predict(state, now, judging.models()));
  }

  /**
   * When the customer's silence becomes notable: when the model's P(alive) falls below the alert
   * threshold, or by the rhythm rule where no model can judge the customer.
   */
  long quietFrom(CustomerState state, Judging judging) {
    return predictions
        .alertTime(state, judging.models())
        .orElseGet(() -> assessor.quietFrom(state, judging.population().meanGapDays()));
  }

  /**
   * Keeps the customer's booked check no later than their check time. A check that comes due
   * early is cheap: the punctuator finds the customer not yet quiet and books it on. So an order,
   * which usually pushes the check time later, leaves the booking alone, and a customer's booking
   * is rewritten about once per check period instead of on every order. A customer with nothing
   * to check (an open alert, no purchase left) has no booking.
   */
  void rebook(String customerId, CustomerState state, Judging judging, CheckCalendar calendar) {
    long checkAt = state.getOpenAlertId() == null && CustomerLedger.orders(state) > 0 ? quietFrom(state, judging) : 0;
    long bookedAt = state.getNextCheckAt();
    if (checkAt != 0 && bookedAt != 0 && bookedAt <= checkAt) {
      return;
    }
    if (bookedAt != 0) {
      calendar.cancel(bookedAt, customerId);
    }
    if (checkAt != 0) {
      calendar.book(checkAt, customerId);
    }
    state.setNextCheckAt(checkAt);
  }
}
