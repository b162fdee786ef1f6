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
 * @param quality whether the fit reached a maximum, and its standard errors
 */
public record FittedModel(
    String model, Map<String, Double> parameters, double logLikelihood, TimeUnit timeUnit, FitQuality quality) {

  public FittedModel {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public PurchaseModel toPurchaseModel() {
    return PurchaseModels.create(model, parameters);
  }

  /**
   * Parameters, log-likelihood, whether the fit converged (and why not) and the standard errors,
   * e.g. for a JSON report.
   */
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>(parameters);
    summary.put("logLikelihood", logLikelihood);
    summary.put("converged", quality.converged());
    if (quality.converged()) {
      summary.put("standardErrors", quality.standardErrors());
    } else {
      summary.put("why", quality.diagnosis());
    }
    return summary;
  }
}
