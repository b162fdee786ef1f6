package io.ltvengine.registry;

/**
 * The registry answered with an error such as
 * {@code {"error_code":40403,"message":"Schema not found"}}.
 *
 * <p>Not a Kafka {@code SerializationException}: a misconfigured or unreachable registry is not a
 * bad record, and must not send data to a dead-letter queue.
 */
public class SchemaRegistryException extends RuntimeException {

  /** Registry error code for "subject not found". */
  public static final int SUBJECT_NOT_FOUND = 40401;
  /** Registry error code for "version not found". */
  public static final int VERSION_NOT_FOUND = 40402;
  /** Registry error code for "schema not found": unknown id, or lookup of an unknown schema. */
  public static final int SCHEMA_NOT_FOUND = 40403;
  /** Registry error code for a schema incompatible with earlier versions (HTTP 409). */
  public static final int INCOMPATIBLE_SCHEMA = 409;
  /** Registry error code for a schema the registry cannot parse (HTTP 422). */
  public static final int INVALID_SCHEMA = 42201;

  private final String registryMessage;
  private final int errorCode;
  private final int httpStatus;

  public SchemaRegistryException(String message, int errorCode, int httpStatus) {
    this(message, errorCode, httpStatus, null);
  }

  public SchemaRegistryException(String message, int errorCode, int httpStatus, Throwable cause) {
    super(message + " (error code " + errorCode + ", HTTP " + httpStatus + ")", cause);
    this.registryMessage = message;
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }

  /** The registry's {@code message}, without the codes {@link #getMessage()} adds. */
  public String registryMessage() {
    return registryMessage;
  }

  /** The registry's {@code error_code}, or the HTTP status when the body carried none. */
  public int errorCode() {
    return errorCode;
  }

  /** The HTTP status of the answer, or 0 when no answer was received. */
  public int httpStatus() {
    return httpStatus;
  }
}
