package io.ltvengine.valuation;

/** What the engine asks of the published model, from its settings, and when its judgement alerts. */
public record ModelOptions(String modelName, double horizonDays, double annualDiscountRate, AlertRule alert) {}
