package io.ltvengine.valuation;

import io.ltvengine.avro.LtvModel;

/** The latest published parameters of a model, as the model topic holds them. */
@FunctionalInterface
public interface ModelSource {

  /** The latest parameters published for {@code modelName}, or null while none are. */
  LtvModel latest(String modelName);
}
