package io.ltvengine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fitted parameters of one model, as published for the streaming app to rebuild the model with
 * {@link PurchaseModels#create} or {@link GammaGamma#fromParameters}.
 *
 * @param model model name, e.g. {@code bgnbd} or {@code gamma-gamma}
 * @param parameters parameter values by name
 * @param logLikelihood maximised log-likelihood on the calibration sample
 * @param timeUnit unit of the time parameters (alpha, beta are rates per this unit)
 */
public record FittedModel(
    String model, Map<String, Double> parameters, double logLikelihood, TimeUnit timeUnit) {

  public FittedModel {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public PurchaseModel toPurchaseModel() {
    return PurchaseModels.create(model, parameters);
  }

  /** Parameters and log-likelihood in one flat map, e.g. for a JSON report. */
  public Map<String, Double> summary() {
    Map<String, Double> summary = new LinkedHashMap<>(parameters);
    summary.put("logLikelihood", logLikelihood);
    return summary;
  }
}
