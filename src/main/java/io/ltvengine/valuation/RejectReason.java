package io.ltvengine.valuation;

/** Why a record went to the dead-letter topic; written in the {@code ltv.dlq.reason} header. */
public enum RejectReason {
  UNDESERIALIZABLE("undeserializable"),
  UNKNOWN_MAGIC_BYTE("unknown-magic-byte"),
  UNKNOWN_SCHEMA_ID("unknown-schema-id"),
  MISSING_CUSTOMER_ID("missing-customer-id"),
  KEY_MISMATCH("key-mismatch"),
  MISSING_ORDER_ID("missing-order-id"),
  UNKNOWN_TYPE("unknown-type"),
  NEGATIVE_AMOUNT("negative-amount"),
  ABSURD_AMOUNT("absurd-amount"),
  UNSUPPORTED_CURRENCY("unsupported-currency"),
  FUTURE_TIMESTAMP("future-timestamp"),
  INVALID_TIMESTAMP("invalid-timestamp"),
  TOMBSTONE("tombstone"),
  ABSURD_SIZE("absurd-size"),
  ABSURD_MARGIN("absurd-margin"),
  LINE_TOTAL_MISMATCH("line-total-mismatch"),
  /** Anything else that went wrong with this one record: a bug must not stall the partition. */
  PROCESSING_FAILED("processing-failed");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** Short, stable code for headers, metrics and dashboards. */
  public String code() {
    return code;
  }
}
