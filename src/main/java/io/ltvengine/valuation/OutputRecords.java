package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.ChurnEventType;
import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LastOrderSummary;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.LastPurchase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Turns a customer's state and assessment into the records marketing tools read. */
public final class OutputRecords {

  private final HistoricalValue historicalValue;
  private final CurrencyConverter currency;

  public OutputRecords(HistoricalValue historicalValue, CurrencyConverter currency) {
    this.historicalValue = historicalValue;
    this.currency = currency;
  }

  public CurrencyConverter currency() {
    return currency;
  }

  public CustomerLtv ltv(String customerId, CustomerState state, Assessment assessment, long asOf) {
    long net = CustomerLedger.netRevenueMinor(state);
    double netMajor = currency.toMajor(net);
    double tenure = assessment.tenureDays();
    CustomerLtv.Builder ltv =
        CustomerLtv.newBuilder()
            .setCustomerId(customerId)
            .setAsOf(Instant.ofEpochMilli(asOf))
            .setCurrency(currency.reportingCurrency())
            .setOrders(CustomerLedger.orders(state))
            .setRefunds(state.getRefunds())
            .setGrossRevenueMinor(state.getGrossMinor())
            .setRefundedMinor(state.getRefundedMinor())
            .setNetRevenueMinor(net)
            .setMarginMinor(state.getMarginComplete() ? state.getMarginMinor() : null)
            .setFirstPurchaseAt(Instant.ofEpochMilli(state.getFirstPurchaseAt()))
            .setLastPurchaseAt(Instant.ofEpochMilli(state.getLastPurchaseAt()))
            .setTenureDays(tenure)
            .setRecencyDays(assessment.recencyDays())
            .setAverageOrderValue(historicalValue.averageOrderValue(netMajor, CustomerLedger.orders(state)))
            .setPurchaseFrequencyPerYear(historicalValue.purchasesPerYear(CustomerLedger.orders(state), tenure))
            .setExpectedLifespanYears(historicalValue.expectedLifespanYears())
            .setHistoricalLtv(historicalValue.ltv(netMajor, CustomerLedger.orders(state), tenure))
            .setMarginLtv(marginLtv(state, tenure))
            .setMeanGapDays(finiteOrNull(assessment.rhythm().meanGapDays()))
            .setGapStdDevDays(finiteOrNull(assessment.rhythm().stdDevGapDays()))
            .setExpectedGapDays(assessment.expectedGapDays())
            .setChurnRiskTier(assessment.tier())
            .setSegment(assessment.segment())
            .setAcquisitionMonth(CustomerLedger.formatYearMonth(state.getAcquisitionMonth()))
            .setFirstCategory(state.getFirstCategory())
            .setTopCategory(CustomerLedger.topCategory(state));
    Prediction prediction = assessment.prediction();
    if (prediction != null) {
      ltv.setPAlive(prediction.pAlive())
          .setExpectedPurchases(prediction.expectedPurchases())
          .setExpectedAvgSpend(finiteOrNull(prediction.expectedAvgSpend()))
          .setPredictedClv(finiteOrNull(prediction.predictedClv()))
          .setModelName(prediction.modelName())
          .setModelVersion(prediction.modelVersion())
          .setChurnProbability(prediction.churnProbability());
    }
    return ltv.build();
  }

  /** The churn-risk alert of the customer's current quiet episode. */
  public ChurnAlert churnRisk(String customerId, CustomerState state, Assessment assessment, long now) {
    return alert(
        state.getOpenAlertId(), customerId, state, assessment, now, ChurnEventType.CHURN_RISK, assessment.tier());
  }

  /** The customer bought again: closes the quiet episode of {@code alertId}. */
  public ChurnAlert reactivated(
      String alertId, String customerId, CustomerState state, Assessment assessment, long now) {
    return alert(alertId, customerId, state, assessment, now, ChurnEventType.REACTIVATED, ChurnRiskTier.LOW);
  }

  private ChurnAlert alert(
      String alertId,
      String customerId,
      CustomerState state,
      Assessment assessment,
      long now,
      ChurnEventType type,
      ChurnRiskTier tier) {
    Prediction prediction = assessment.prediction();
    return ChurnAlert.newBuilder()
        .setAlertId(alertId)
        .setType(type)
        .setCustomerId(customerId)
        .setEmittedAt(Instant.ofEpochMilli(now))
        .setRiskTier(tier)
        .setDaysSinceLastPurchase(assessment.recencyDays())
        .setExpectedGapDays(assessment.expectedGapDays())
        .setCurrency(currency.reportingCurrency())
        .setNetRevenueMinor(CustomerLedger.netRevenueMinor(state))
        .setHistoricalLtv(
            historicalValue.ltv(
                currency.toMajor(CustomerLedger.netRevenueMinor(state)),
                CustomerLedger.orders(state),
                assessment.tenureDays()))
        .setPredictedClv(prediction == null ? null : finiteOrNull(prediction.predictedClv()))
        .setPAlive(prediction == null ? null : prediction.pAlive())
        .setChurnProbability(prediction == null ? null : prediction.churnProbability())
        .setOrders(CustomerLedger.orders(state))
        .setLastOrder(lastOrder(state.getLastOrder()))
        .build();
  }

  private static LastOrderSummary lastOrder(LastPurchase purchase) {
    if (purchase == null) {
      return null;
    }
    return LastOrderSummary.newBuilder()
        .setOrderId(purchase.getOrderId())
        .setPurchasedAt(Instant.ofEpochMilli(purchase.getPurchasedAt()))
        .setAmountMinor(purchase.getAmountMinor())
        .setMainCategory(purchase.getMainCategory())
        .setChannel(purchase.getChannel())
        .build();
  }

  /**
   * A quiet episode is identified by the customer and the purchase it follows, so a replay of the
   * same history yields the same id.
   */
  public static String alertId(String customerId, long lastPurchaseAt) {
    byte[] seed = (customerId + '\u0000' + lastPurchaseAt).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(seed).toString();
  }

  private Double marginLtv(CustomerState state, double tenureDays) {
    if (!state.getMarginComplete()) {
      return null;
    }
    return historicalValue.marginLtv(currency.toMajor(state.getMarginMinor()), tenureDays);
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
