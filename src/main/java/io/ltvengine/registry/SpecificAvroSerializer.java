package io.ltvengine.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format, byte for byte like Confluent's
 * {@code SpecificAvroSerializer}: magic byte 0, the 4-byte big-endian schema id, the Avro binary.
 *
 * <p>The subject follows {@code value.subject.name.strategy} ({@link SubjectNameStrategy}; by
 * default {@code <topic>-value} or {@code <topic>-key}). With {@code normalize.schemas=true} the
 * registry normalizes the schema before registering or looking it up. The schema id comes from
 * registering the record's schema ({@code auto.register.schemas=true}, the default), from looking
 * it up ({@code false}), or from the subject's latest version ({@code use.latest.version=true},
 * which must encode like the record's schema). Ids are resolved once per subject and schema.
 * Thread-safe. Registry failures surface as {@link SchemaRegistryException}s, Avro failures as
 * {@link SerializationException}s.
 */
public final class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";

  private final Map<String, Map<Schema, Target>> targetsBySubject = new ConcurrentHashMap<>();
  private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);
  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatestVersion;
  private boolean normalize;
  private SubjectNameStrategy subjects = SubjectNameStrategy.TOPIC;

  /** The schema id a record is framed with, and the writer for its schema. */
  private record Target(int id, DatumWriter<Object> writer) {}

  /** Per-thread scratch space, so that serializing a record allocates only its result. */
  private static final class Buffers {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
  }

  /** For Kafka's reflective instantiation; {@link #configure} creates the client. */
  public SpecificAvroSerializer() {}

  /** Uses {@code client}; a value serializer registering schemas unless configured otherwise. */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> config, boolean isKey) {
    this.isKey = isKey;
    this.autoRegister = flag(config, AUTO_REGISTER_SCHEMAS, true);
    this.useLatestVersion = flag(config, USE_LATEST_VERSION, false);
    this.normalize = flag(config, NORMALIZE_SCHEMAS, false);
    this.subjects = SubjectNameStrategy.from(config, isKey);
    if (client == null) {
      client = SchemaRegistryClients.create(config);
    }
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    Target target = target(subjects.subject(topic, isKey, record.getSchema()), record.getSchema());
    Buffers scratch = buffers.get();
    scratch.out.reset();
    scratch.out.write(WireFormat.MAGIC_BYTE);
    for (int shift = 24; shift >= 0; shift -= 8) {
      scratch.out.write(target.id() >>> shift);
    }
    scratch.encoder = EncoderFactory.get().binaryEncoder(scratch.out, scratch.encoder);
    try {
      target.writer().write(record, scratch.encoder);
      scratch.encoder.flush();
    } catch (IOException | RuntimeException e) {
      scratch.encoder = null; // its buffer holds part of the failed record
      throw new SerializationException("Cannot write Avro record for topic " + topic, e);
    }
    return scratch.out.toByteArray();
  }

  private Target target(String subject, Schema schema) {
    if (client == null) {
      throw new IllegalStateException("Serializer used before configure()");
    }
    Map<Schema, Target> targets =
        targetsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Target target = targets.get(schema);
    if (target == null) {
      // Resolved outside computeIfAbsent: a registry call must not block the map.
      target = new Target(schemaId(subject, schema),
          new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema)));
      targets.putIfAbsent(schema, target);
    }
    return target;
  }

  private static boolean flag(Map<String, ?> config, String key, boolean fallback) {
    Object value = config.get(key);
    return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value).trim());
  }

  private int schemaId(String subject, Schema schema) {
    if (useLatestVersion) {
      SchemaMetadata latest = client.getLatestSchemaMetadata(subject);
      // Same parsing canonical form = same binary encoding, whatever docs or properties differ.
      if (SchemaNormalization.parsingFingerprint64(latest.schema())
          != SchemaNormalization.parsingFingerprint64(schema)) {
        throw new SerializationException("Latest schema of " + subject + " (id " + latest.id()
            + ") does not encode like " + schema.getFullName());
      }
      return latest.id();
    }
    return autoRegister ? client.register(subject, schema, normalize) : client.getId(subject, schema, normalize);
  }
}
