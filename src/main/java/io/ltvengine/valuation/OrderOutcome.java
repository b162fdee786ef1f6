package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.state.CohortDelta;
import java.util.List;
import java.util.Optional;

/**
 * What one order produced: nothing for a resent order; otherwise the customer's new value (none
 * once cancellations leave no purchase), a reactivation when the customer came back from a churn
 * alert, the changes to the cohort table, and the customer's audience move.
 */
public record OrderOutcome(
    boolean duplicate,
    Optional<CustomerLtv> ltv,
    Optional<ChurnAlert> reactivation,
    List<CohortDelta> cohortDeltas,
    Optional<AudienceMove> audience) {

  static final OrderOutcome DUPLICATE =
      new OrderOutcome(true, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
}
