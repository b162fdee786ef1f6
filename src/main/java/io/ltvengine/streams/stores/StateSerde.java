package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
import io.ltvengine.avro.state.SegmentDigest;
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
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Internal state in Avro's single-object encoding: a two-byte marker, the writer schema's 64-bit
 * fingerprint, then the binary record. State written by an earlier version of the engine stays
 * readable: its fingerprint names one of the earlier schemas, resolved to the current one.
 *
 * <p>Every order reads and writes state, so this codec works on the byte arrays directly with
 * reused buffers, rather than through Avro's stream-based message classes or the registry.
 */
public final class StateSerde<T extends SpecificRecord> extends Serdes.WrapperSerde<T> {

  private static final byte[] MARKER = {(byte) 0xC3, 0x01};
  private static final int HEADER_BYTES = MARKER.length + Long.BYTES;
  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
  /**
   * The encoders and decoders Avro generates into each state class, about twice as fast as its
   * reflective ones; off by default in Avro, and possible because state has no logical types.
   */
  private static final SpecificData CODERS = customCoders();

  private StateSerde(Codec<T> codec) {
    super(codec::encode, codec::decode);
  }

  /** A customer's state; the resources name every schema it was written with before, oldest first. */
  public static StateSerde<CustomerState> customerState() {
    return new StateSerde<>(new Codec<>(CustomerState.getClassSchema(),
        List.of("CustomerState-1.avsc", "CustomerState-2.avsc", "CustomerState-3.avsc")));
  }

  /** One cell of a task's segment counts. */
  public static StateSerde<SegmentCount> segmentCount() {
    return new StateSerde<>(new Codec<>(SegmentCount.getClassSchema(), List.of("SegmentCount-1.avsc")));
  }

  /** The sketches of a task's last ranking walk. */
  public static StateSerde<SegmentDigest> segmentDigest() {
    return new StateSerde<>(new Codec<>(SegmentDigest.getClassSchema(), List.of()));
  }

  /** A task's pending cohort change. */
  public static StateSerde<CohortDelta> cohortDelta() {
    return new StateSerde<>(new Codec<>(CohortDelta.getClassSchema(), List.of()));
  }

  /** Buffers a stream thread reuses from one record to the next. */
  private static final class Buffers {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
    BinaryDecoder decoder;
  }

  private static final class Codec<T> {

    private final Schema current;
    private final byte[] header;
    private final DatumWriter<T> writer;
    private final Map<Long, DatumReader<T>> readers;

    Codec(Schema current, List<String> earlierSchemas) {
      this.current = current;
      this.header = header(current);
      this.writer = new SpecificDatumWriter<>(current, CODERS);
      this.readers = readersByFingerprint(earlierSchemas);
    }

    byte[] encode(String topic, T value) {
      if (value == null) {
        return null;
      }
      Buffers buffers = BUFFERS.get();
      buffers.out.reset();
      buffers.out.writeBytes(header);
      buffers.encoder = EncoderFactory.get().binaryEncoder(buffers.out, buffers.encoder);
      try {
        writer.write(value, buffers.encoder);
        buffers.encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffers.out.toByteArray();
    }

    T decode(String topic, byte[] bytes) {
      if (bytes == null) {
        return null;
      }
      Buffers buffers = BUFFERS.get();
      buffers.decoder =
          DecoderFactory.get().binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES, buffers.decoder);
      try {
        return reader(bytes).read(null, buffers.decoder);
      } catch (IOException e) {
        throw new SerializationException("Cannot decode " + current.getName(), e);
      }
    }

    private DatumReader<T> reader(byte[] bytes) {
      if (bytes.length < HEADER_BYTES || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
        throw new SerializationException(current.getName() + " without the single-object marker");
      }
      long fingerprint = ByteBuffer.wrap(bytes, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
      DatumReader<T> reader = readers.get(fingerprint);
      if (reader == null) {
        throw new SerializationException(
            current.getName() + " written with an unknown schema, fingerprint " + fingerprint);
      }
      return reader;
    }

    private Map<Long, DatumReader<T>> readersByFingerprint(List<String> earlierSchemas) {
      return Stream.concat(earlierSchemas.stream().map(StateSerde::earlierSchema), Stream.of(current))
          .collect(Collectors.toUnmodifiableMap(
              SchemaNormalization::parsingFingerprint64,
              writerSchema -> new SpecificDatumReader<T>(writerSchema, current, CODERS),
              (earlier, later) -> later));
    }
  }

  private static SpecificData customCoders() {
    SpecificData data = new SpecificData();
    data.setCustomCoders(true);
    return data;
  }

  private static Schema earlierSchema(String resource) {
    try (InputStream schema = StateSerde.class.getResourceAsStream(resource)) {
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
