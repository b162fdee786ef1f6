package io.ltvengine.model.data;

import io.ltvengine.model.CustomerHistory;

/** A customer's calibration-period summary, keyed by the customer's id in the input. */
public record CustomerSummary(String customerId, CustomerHistory history) {}
