package io.ltvengine.valuation;

import java.time.Duration;

/**
 * What an order must satisfy to be counted, and how long a resent one is recognised.
 *
 * @param maxAmountMajor largest plausible amount, in major units of the reporting currency
 * @param maxFutureSkew how far past its record's timestamp an event time may lie
 * @param shape bounds on the order's parts
 * @param dedupRetention how long a customer's events are remembered to drop resent ones
 * @param dedupMaxEvents at most this many of a customer's latest events are remembered
 */
public record OrderRules(
    long maxAmountMajor, Duration maxFutureSkew, Shape shape, Duration dedupRetention, int dedupMaxEvents) {

  /**
   * @param maxLineItems most line items an order may have
   * @param maxIdLength longest customer, order, event id or category, in characters
   * @param lineTotalTolerance how far the line items' total may lie from the order amount, as a
   *     share of the amount (discounts, shipping and taxes make them differ a little)
   */
  public record Shape(int maxLineItems, int maxIdLength, double lineTotalTolerance) {}
}
