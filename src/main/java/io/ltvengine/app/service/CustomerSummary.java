package io.ltvengine.app.service;

import io.ltvengine.avro.CustomerLtv;

/**
 * What segment statistics need of one customer.
 *
 * @param value predicted CLV when a model is published, else the historical LTV
 */
public record CustomerSummary(
    String customerId,
    String segment,
    String riskTier,
    double recencyDays,
    int orders,
    long netRevenueMinor,
    double value) {

  public static CustomerSummary of(CustomerLtv ltv) {
    return new CustomerSummary(
        ltv.getCustomerId(),
        ltv.getSegment().name(),
        ltv.getChurnRiskTier().name(),
        ltv.getRecencyDays(),
        ltv.getOrders(),
        ltv.getNetRevenueMinor(),
        ltv.getPredictedClv() != null ? ltv.getPredictedClv() : ltv.getHistoricalLtv());
  }
}
