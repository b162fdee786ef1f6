package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.customer.Prediction;
import java.util.OptionalLong;

/** Where the processors get a customer's model-based prediction from. */
public interface Predictions {

  /** The model's view of the customer at {@code now}, or null while no model is available. */
  Prediction predict(CustomerState state, long now);

  /**
   * When the customer's P(alive) will fall below the alert threshold if they stay silent; empty
   * when no model is available or it cannot judge this customer.
   */
  OptionalLong alertTime(CustomerState state);
}
