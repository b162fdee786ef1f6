package io.ltvengine.valuation;

/**
 * An order that deserialized but cannot be used. Thrown by the processor so that Kafka Streams'
 * processing exception handler routes the source record to the dead-letter topic.
 */
public final class InvalidOrderException extends RuntimeException {

  private final RejectReason reason;

  public InvalidOrderException(RejectReason reason, String message) {
    super(reason.code() + ": " + message, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
