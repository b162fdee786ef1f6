package io.ltvengine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fits every purchase model and the Gamma-Gamma spend model on one calibration sample, timing each
 * fit. Purchase models are fitted on customers grouped by identical history.
 *
 * @param customers number of customers in the sample
 * @param repeatCustomers customers with at least one repeat purchase
 * @param models fitted models by name ({@link PurchaseModels#NAMES} and {@link GammaGamma#NAME})
 * @param fitMillis wall time of each fit in milliseconds, by model name
 * @param timeUnit unit of the customers' times and so of the fitted rates
 */
public record CalibrationFit(
    long customers,
    long repeatCustomers,
    Map<String, FittedModel> models,
    Map<String, Long> fitMillis,
    TimeUnit timeUnit) {

  /** Fits {@code modelNames} (purchase models) and, if anyone bought twice, Gamma-Gamma. */
  public static CalibrationFit of(
      List<CustomerHistory> customers, List<String> modelNames, TimeUnit unit) {
    List<CustomerHistory> grouped = CustomerHistory.groupByHistory(customers);
    Map<String, FittedModel> models = new LinkedHashMap<>();
    Map<String, Long> millis = new LinkedHashMap<>();
    for (String name : modelNames) {
      PurchaseModel model = timed(name, millis, () -> PurchaseModels.fit(name, grouped));
      FitQuality quality = FitQuality.of(
          theta -> PurchaseModels.create(name, named(model.parameters(), theta)).logLikelihood(grouped),
          model.parameters());
      models.put(name, new FittedModel(name, model.parameters(), model.logLikelihood(grouped), unit, quality));
    }
    List<CustomerHistory> repeaters = GammaGamma.repeaters(customers);
    if (!repeaters.isEmpty()) {
      GammaGamma spend = timed(GammaGamma.NAME, millis, () -> GammaGamma.fit(repeaters));
      FitQuality quality = FitQuality.of(
          theta -> GammaGamma.fromParameters(named(spend.parameters(), theta)).logLikelihood(repeaters),
          spend.parameters());
      models.put(GammaGamma.NAME,
          new FittedModel(GammaGamma.NAME, spend.parameters(), spend.logLikelihood(repeaters), unit, quality));
    }
    long weight = Math.round(customers.stream().mapToDouble(CustomerHistory::weight).sum());
    long repeatWeight =
        Math.round(
            customers.stream().filter(h -> h.x() > 0).mapToDouble(CustomerHistory::weight).sum());
    return new CalibrationFit(weight, repeatWeight, models, millis, unit);
  }

  /** {@code values} named as the keys of {@code parameters}, in their order. */
  private static Map<String, Double> named(Map<String, Double> parameters, double[] values) {
    Map<String, Double> named = new LinkedHashMap<>();
    int i = 0;
    for (String name : parameters.keySet()) {
      named.put(name, values[i++]);
    }
    return named;
  }

  private static <T> T timed(String name, Map<String, Long> millis, Supplier<T> fit) {
    long start = System.nanoTime();
    T result = fit.get();
    millis.put(name, (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
