package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.CustomerState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Customer state in Avro's single-object encoding: a two-byte marker, the writer schema's 64-bit
 * fingerprint, then the binary record. State written by an earlier version of the engine stays
 * readable: its fingerprint names one of the earlier schemas, resolved to the current one.
 *
 * <p>Every order reads and writes a customer's state, so this codec works on the byte arrays
 * directly with reused buffers, rather than through Avro's stream-based message classes.
 */
public final class CustomerStateSerde extends Serdes.WrapperSerde<CustomerState> {

  /** Every schema the state was written with before the current one, oldest first. */
  private static final List<String> EARLIER_SCHEMAS = List.of("CustomerState-1.avsc");

  private static final byte[] MARKER = {(byte) 0xC3, 0x01};
  private static final int HEADER_BYTES = MARKER.length + Long.BYTES;
  private static final Schema CURRENT = CustomerState.getClassSchema();
  private static final byte[] HEADER = header(CURRENT);
  private static final DatumWriter<CustomerState> WRITER = new SpecificDatumWriter<>(CustomerState.class);
  private static final Map<Long, DatumReader<CustomerState>> READERS = readersByFingerprint();
  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  public CustomerStateSerde() {
    super(encoder(), decoder());
  }

  public static Serde<CustomerState> create() {
    return new CustomerStateSerde();
  }

  /** Buffers a stream thread reuses from one record to the next. */
  private static final class Buffers {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
    BinaryDecoder decoder;
  }

  private static Serializer<CustomerState> encoder() {
    return (topic, state) -> {
      if (state == null) {
        return null;
      }
      Buffers buffers = BUFFERS.get();
      buffers.out.reset();
      buffers.out.writeBytes(HEADER);
      buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
      try {
        WRITER.write(state, buffers.encoder);
        buffers.encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffers.out.toByteArray();
    };
  }

  private static Deserializer<CustomerState> decoder() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      Buffers buffers = BUFFERS.get();
      buffers.decoder =
          DecoderFactory.get().binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES, buffers.decoder);
      try {
        return reader(bytes).read(null, buffers.decoder);
      } catch (IOException e) {
        throw new SerializationException("Cannot decode customer state", e);
      }
    };
  }

  private static DatumReader<CustomerState> reader(byte[] bytes) {
    if (bytes.length < HEADER_BYTES || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
      throw new SerializationException("Customer state without the single-object marker");
    }
    long fingerprint = ByteBuffer.wrap(bytes, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
    DatumReader<CustomerState> reader = READERS.get(fingerprint);
    if (reader == null) {
      throw new SerializationException("Customer state written with an unknown schema, fingerprint " + fingerprint);
    }
    return reader;
  }

  private static Map<Long, DatumReader<CustomerState>> readersByFingerprint() {
    return Stream.concat(EARLIER_SCHEMAS.stream().map(CustomerStateSerde::earlierSchema), Stream.of(CURRENT))
        .collect(Collectors.toUnmodifiableMap(
            SchemaNormalization::parsingFingerprint64,
            writer -> new SpecificDatumReader<>(writer, CURRENT),
            (earlier, later) -> later));
  }

  private static Schema earlierSchema(String resource) {
    try (InputStream schema = CustomerStateSerde.class.getResourceAsStream(resource)) {
      return new Schema.Parser().parse(schema);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the state schema " + resource, e);
    }
  }

  private static byte[] header(Schema schema) {
    return ByteBuffer.allocate(HEADER_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN)
        .put(MARKER)
        .putLong(SchemaNormalization.parsingFingerprint64(schema))
        .array();
  }
}
