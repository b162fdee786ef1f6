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
   * When the customer's silence becomes notable, HIGH risk and alerted: by the model's alert rule,
   * or by the rhythm rule where no model can judge the customer.
   */
  long quietFrom(CustomerState state, Judging judging) {
    return riskFrom(state, judging, true);
  }

  private long riskFrom(CustomerState state, Judging judging, boolean highRisk) {
    return predictions
        .riskTime(state, judging.models(), highRisk)
        .orElseGet(() -> assessor.riskFrom(state, judging.population().meanGapDays(), highRisk));
  }

  /**
   * When silence alone next moves the customer to another risk tier, and so to other audiences:
   * MEDIUM, then HIGH with the alert. After the alert only a purchase moves them.
   */
  private long nextReview(CustomerState state, Judging judging, long now) {
    long medium = riskFrom(state, judging, false);
    return medium > now ? medium : quietFrom(state, judging);
  }

  /**
   * Keeps the customer's booked check no later than their next review. A check that comes due
   * early is cheap: the punctuator finds the customer's tier unchanged and books it on. So an
   * order, which usually pushes the review later, leaves the booking alone, and a customer's
   * booking is rewritten about once per check period instead of on every order. A customer with
   * nothing to check (an open alert, no purchase left) has no booking.
   */
  void rebook(String customerId, CustomerState state, Judging judging, CheckCalendar calendar, long now) {
    long checkAt = state.getOpenAlertId() == null && CustomerLedger.orders(state) > 0 ? nextReview(state, judging, now) : 0;
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
