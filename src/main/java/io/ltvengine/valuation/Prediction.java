package io.ltvengine.valuation;

/**
 * What a fitted purchase model says about one customer.
 *
 * @param pAlive probability the customer is still active
 * @param expectedPurchases purchases expected over the horizon
 * @param expectedAvgSpend expected spend per purchase, in major units, or NaN without a spend model
 * @param predictedClv discounted value over the horizon, in major units
 * @param churnProbability probability of no purchase within the alert rule's horizon
 * @param source the parameter set that said it
 */
public record Prediction(
    double pAlive,
    double expectedPurchases,
    double expectedAvgSpend,
    double predictedClv,
    double churnProbability,
    Source source) {

  /**
   * @param modelName name of the purchase model
   * @param modelVersion version of the published parameter set
   * @param judgesChurn whether the model can tell this customer is gone under the alert rule
   */
  public record Source(String modelName, long modelVersion, boolean judgesChurn) {}

  public String modelName() {
    return source.modelName();
  }

  public long modelVersion() {
    return source.modelVersion();
  }

  public boolean judgesChurn() {
    return source.judgesChurn();
  }
}
