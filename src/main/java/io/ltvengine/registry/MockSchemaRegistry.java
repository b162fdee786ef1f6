package io.ltvengine.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * In-memory registry for tests and demos, selected with a {@code mock://scope} URL as in
 * Confluent's serdes: every client configured with the same scope shares one instance per JVM.
 *
 * <p>Behaves like a real registry with BACKWARD compatibility: ids are global and sequential from
 * 1, an identical schema gets the same id in every subject, versions count from 1 per subject, and
 * errors carry the real error codes.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

  private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> idsBySubject = new HashMap<>();

  /** A private registry, shared through no scope. */
  public MockSchemaRegistry() {}

  /** The shared registry of {@code scope}, created on first use. */
  public static MockSchemaRegistry forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistry());
  }

  /** Forgets {@code scope}: the next {@link #forScope} call starts from an empty registry. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  /** Schemas are kept as given: {@code normalize} is the real registry's business. */
  @Override
  public synchronized int register(String subject, Schema schema, boolean normalize) {
    List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    Integer existing = idsBySchema.get(schema.toString());
    if (existing != null && versions.contains(existing)) {
      return existing;
    }
    if (!isCompatible(versions, schema)) {
      throw new SchemaRegistryException(
          "Schema being registered is incompatible with an earlier schema for subject " + subject,
          SchemaRegistryException.INCOMPATIBLE_SCHEMA, 409);
    }
    int id = existing != null ? existing : schemasById.size() + 1;
    idsBySchema.put(schema.toString(), id);
    schemasById.put(id, schema);
    versions.add(id);
    return id;
  }

  @Override
  public synchronized Schema getSchemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw notFound("Schema " + id + " not found", SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return schema;
  }

  @Override
  public synchronized SchemaMetadata getLatestSchemaMetadata(String subject) {
    List<Integer> versions = versions(subject);
    int id = versions.get(versions.size() - 1);
    return new SchemaMetadata(subject, id, versions.size(), schemasById.get(id));
  }

  @Override
  public synchronized int getId(String subject, Schema schema, boolean normalize) {
    List<Integer> versions = versions(subject);
    Integer id = idsBySchema.get(schema.toString());
    if (id == null || !versions.contains(id)) {
      throw notFound("Schema not found under subject " + subject,
          SchemaRegistryException.SCHEMA_NOT_FOUND);
    }
    return id;
  }

  /** Returns the version (from 1) of {@code schema} under {@code subject}. */
  public synchronized int getVersion(String subject, Schema schema) {
    return versions(subject).indexOf(getId(subject, schema)) + 1;
  }

  @Override
  public synchronized boolean testCompatibility(String subject, Schema schema) {
    return isCompatible(idsBySubject.getOrDefault(subject, List.of()), schema);
  }

  /** All subjects with at least one version, as {@code GET /subjects} lists them. */
  public synchronized List<String> subjects() {
    return idsBySubject.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** The schema ids of {@code subject}, oldest version first; 40401 if there are none. */
  public synchronized List<Integer> versions(String subject) {
    List<Integer> versions = idsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw notFound("Subject '" + subject + "' not found.",
          SchemaRegistryException.SUBJECT_NOT_FOUND);
    }
    return List.copyOf(versions);
  }

  /** BACKWARD: the new schema must read data written with the latest one. */
  private boolean isCompatible(List<Integer> versions, Schema schema) {
    if (versions.isEmpty()) {
      return true;
    }
    Schema latest = schemasById.get(versions.get(versions.size() - 1));
    return SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType()
        == SchemaCompatibilityType.COMPATIBLE;
  }

  private static SchemaRegistryException notFound(String message, int errorCode) {
    return new SchemaRegistryException(message, errorCode, 404);
  }
}
