package io.ltvengine.valuation;

/** Everything the valuation core is built from, grouped as the settings are. */
public record ValuationSettings(
    OrderRules orders,
    CurrencyConverter currency,
    ChurnRules churn,
    HistoricalValue historical,
    ModelOptions model) {}
