package io.ltvengine.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record whose bytes cannot be turned into the target type: a bad record, fit for a dead-letter
 * queue. {@link #reason()} says why.
 */
public final class InvalidWireFormatException extends SerializationException {

  /** Why a record could not be deserialized. */
  public enum Reason {
    /** The first byte is not the Confluent magic byte 0. */
    UNKNOWN_MAGIC_BYTE,
    /** Fewer bytes than the 5-byte header. */
    TOO_SHORT,
    /** The registry does not know the schema id in the header (404, error code 40403). */
    UNKNOWN_SCHEMA_ID,
    /** The Avro body does not decode with the writer schema. */
    MALFORMED_AVRO,
    /** The writer schema cannot be read with the reader (target class) schema. */
    INCOMPATIBLE_SCHEMA
  }

  private final Reason reason;

  public InvalidWireFormatException(Reason reason, String message) {
    this(reason, message, null);
  }

  public InvalidWireFormatException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
