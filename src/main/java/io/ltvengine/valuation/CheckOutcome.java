package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import java.util.Optional;

/**
 * What a churn check found: the alert of a customer found quiet, their value as it now stands
 * when silence moved them (to another risk tier, or with the alert), and the audience move.
 */
public record CheckOutcome(Optional<ChurnAlert> alert, Optional<CustomerLtv> ltv, Optional<AudienceMove> audience) {

  static final CheckOutcome NOTHING = new CheckOutcome(Optional.empty(), Optional.empty(), Optional.empty());
}
