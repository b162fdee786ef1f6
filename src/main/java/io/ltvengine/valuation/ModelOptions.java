package io.ltvengine.valuation;

/** What the engine asks of the published model, from its settings. */
public record ModelOptions(String modelName, double horizonDays, double annualDiscountRate, double alertBelowPAlive) {}
