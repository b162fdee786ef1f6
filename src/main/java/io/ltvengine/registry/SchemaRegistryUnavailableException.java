package io.ltvengine.registry;

/**
 * The registry could not be reached (at any configured URL) or failed with a 5xx status.
 *
 * <p>Transient by nature: callers should fail or retry rather than treat the record as bad.
 */
public final class SchemaRegistryUnavailableException extends SchemaRegistryException {

  public SchemaRegistryUnavailableException(String message, int errorCode, int httpStatus) {
    super(message, errorCode, httpStatus);
  }

  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, 0, 0, cause);
  }
}
