package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.customer.Prediction;

/** Where the processors get a customer's model-based prediction from. */
public interface Predictions {

  /** No model published: the rhythm rule alone judges churn risk. */
  Predictions NONE = (state, now) -> null;

  /** The model's view of the customer at {@code now}, or null while no model is available. */
  Prediction predict(CustomerState state, long now);
}
