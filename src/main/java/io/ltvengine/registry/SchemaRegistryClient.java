package io.ltvengine.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API the serdes need.
 *
 * <p>Implementations are thread-safe. Failures surface as {@link SchemaRegistryException} when the
 * registry answered with an error, and as {@link SchemaRegistryUnavailableException} when it could
 * not be reached or failed on its side (5xx).
 */
public interface SchemaRegistryClient {

  /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
  default int register(String subject, Schema schema) {
    return register(subject, schema, false);
  }

  /** Registers, the registry normalizing the schema first when {@code normalize}. */
  int register(String subject, Schema schema, boolean normalize);

  /** Returns the schema with the given global id; ids are immutable, so callers may cache. */
  Schema getSchemaById(int id);

  /** Returns the newest version registered under {@code subject}. */
  SchemaMetadata getLatestSchemaMetadata(String subject);

  /** Looks up the id of {@code schema} under {@code subject}, without registering it. */
  default int getId(String subject, Schema schema) {
    return getId(subject, schema, false);
  }

  /** Looks up, the registry normalizing the schema first when {@code normalize}. */
  int getId(String subject, Schema schema, boolean normalize);

  /** Whether {@code schema} may be registered as the next version of {@code subject}. */
  boolean testCompatibility(String subject, Schema schema);
}
