package io.ltvengine.valuation;

import java.time.Duration;

/**
 * What an order must satisfy to be counted, and how long a resent one is recognised.
 *
 * @param maxAmountMajor largest plausible amount, in major units of the reporting currency
 * @param maxFutureSkew how far past its record's timestamp an event time may lie
 * @param dedupRetention how long a customer's events are remembered to drop resent ones
 * @param dedupMaxEvents at most this many of a customer's latest events are remembered
 */
public record OrderRules(long maxAmountMajor, Duration maxFutureSkew, Duration dedupRetention, int dedupMaxEvents) {}
