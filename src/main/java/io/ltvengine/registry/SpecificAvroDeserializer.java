package io.ltvengine.registry;

import io.ltvengine.registry.InvalidWireFormatException.Reason;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into generated classes, resolving the writer schema (fetched by id)
 * against the target class's schema, so that older and newer writers both decode.
 *
 * <p>The target class is given to the constructor, or configured with
 * {@code specific.avro.value.type} / {@code specific.avro.key.type}, or else the generated class
 * named by the writer schema, as Confluent's deserializer does. Thread-safe.
 *
 * <p>A bad record throws {@link InvalidWireFormatException}, a Kafka
 * {@code SerializationException} with a {@link Reason}; an unreachable registry throws
 * {@link SchemaRegistryUnavailableException}, which is not one, so that the record is not
 * mistaken for a bad one.
 */
public final class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  public static final String VALUE_TYPE = "specific.avro.value.type";
  public static final String KEY_TYPE = "specific.avro.key.type";

  private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();
  private SchemaRegistryClient client;
  private Class<T> type;

  /** For Kafka's reflective instantiation; {@link #configure} creates the client. */
  public SpecificAvroDeserializer() {}

  /** Reads every record into {@code type}, fetching writer schemas from {@code client}. */
  public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> type) {
    this.client = client;
    this.type = type;
  }

  @Override
  public void configure(Map<String, ?> config, boolean isKey) {
    Object configuredType = config.get(isKey ? KEY_TYPE : VALUE_TYPE);
    if (type == null && configuredType != null) {
      type = loadClass(configuredType);
    }
    if (client == null) {
      client = SchemaRegistryClients.create(config);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length < WireFormat.HEADER_SIZE) {
      throw new InvalidWireFormatException(Reason.TOO_SHORT,
          data.length + " bytes on topic " + topic + ", the header alone takes 5");
    }
    if (data[0] != WireFormat.MAGIC_BYTE) {
      throw new InvalidWireFormatException(Reason.UNKNOWN_MAGIC_BYTE,
          "magic byte " + data[0] + " on topic " + topic + ", expected 0");
    }
    DatumReader<T> reader = reader(WireFormat.readId(data));
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
        data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, decoders.get());
    decoders.set(decoder);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new InvalidWireFormatException(Reason.MALFORMED_AVRO,
          "cannot decode schema id " + WireFormat.readId(data) + " on topic " + topic, e);
    }
  }

  private DatumReader<T> reader(int writerId) {
    DatumReader<T> reader = readersByWriterId.get(writerId);
    if (reader == null) {
      reader = newReader(writerId, writerSchema(writerId));
      readersByWriterId.putIfAbsent(writerId, reader);
    }
    return reader;
  }

  private Schema writerSchema(int id) {
    if (client == null) {
      throw new IllegalStateException("Deserializer used before configure()");
    }
    try {
      return client.getSchemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() != SchemaRegistryException.SCHEMA_NOT_FOUND) {
        throw e;
      }
      throw new InvalidWireFormatException(Reason.UNKNOWN_SCHEMA_ID,
          "schema id " + id + " is not in the registry", e);
    }
  }

  private DatumReader<T> newReader(int writerId, Schema writer) {
    Class<T> target = type != null ? type : classNamedBy(writer);
    SpecificData model = SpecificData.getForClass(target);
    Schema reader = model.getSchema(target);
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new InvalidWireFormatException(Reason.INCOMPATIBLE_SCHEMA, "schema id " + writerId
          + " cannot be read as " + target.getName() + ": " + compatibility.getDescription());
    }
    return new SpecificDatumReader<>(writer, reader, model);
  }

  @SuppressWarnings("unchecked")
  private Class<T> classNamedBy(Schema writer) {
    Class<?> named = SpecificData.get().getClass(writer);
    if (named == null || !SpecificRecord.class.isAssignableFrom(named)) {
      throw new InvalidWireFormatException(Reason.INCOMPATIBLE_SCHEMA,
          "no generated class for writer schema " + writer.getFullName());
    }
    return (Class<T>) named;
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> loadClass(Object configured) {
    if (configured instanceof Class<?> c) {
      return (Class<T>) c;
    }
    try {
      return (Class<T>) Class.forName(String.valueOf(configured).trim());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("Unknown Avro class " + configured, e);
    }
  }
}
