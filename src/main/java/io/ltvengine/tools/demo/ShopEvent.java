package io.ltvengine.tools.demo;

import io.ltvengine.avro.Order;
import java.time.Instant;

/**
 * One record the shop sends: what it is, when (shop time) it is sent, and its order. A duplicate is
 * sent after its original but carries the original's event time; malformed records carry the order
 * they were derived from, already broken or to be broken at the byte level by the producer.
 */
public record ShopEvent(Kind kind, Instant sendAt, Order order) {

  public enum Kind {
    PURCHASE,
    REFUND,
    CANCELLATION,
    /** An earlier purchase re-sent unchanged, as at-least-once shop integrations do. */
    DUPLICATE,
    /** Bytes that are no Avro record at all. */
    RANDOM_BYTES,
    /** A valid record whose first (wire-format magic) byte is wrong. */
    WRONG_MAGIC_BYTE,
    NEGATIVE_AMOUNT,
    MISSING_CUSTOMER_ID,
    FAR_FUTURE_TIMESTAMP;

    /** True for the records a correct shop would send exactly once. */
    public boolean isClean() {
      return this == PURCHASE || this == REFUND || this == CANCELLATION;
    }

    public boolean isMalformed() {
      return !isClean() && this != DUPLICATE;
    }
  }

  /** The record key: the customer id, or null for a record without one. */
  public String key() {
    return order.getCustomerId().isEmpty() ? null : order.getCustomerId();
  }
}
