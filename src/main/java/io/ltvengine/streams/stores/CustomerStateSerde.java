package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.CustomerState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.SchemaStore;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Customer state in Avro's single-object encoding: a schema fingerprint then the binary record, so
 * state written by one version of the engine stays readable after the schema evolves.
 */
public final class CustomerStateSerde extends Serdes.WrapperSerde<CustomerState> {

  /** Every schema the state was written with before the current one, oldest first. */
  private static final List<String> EARLIER_SCHEMAS = List.of("CustomerState-1.avsc");

  private static final BinaryMessageDecoder<CustomerState> DECODER = decoderOfAllVersions();

  public CustomerStateSerde() {
    super(encoder(), decoder());
  }

  public static Serde<CustomerState> create() {
    return new CustomerStateSerde();
  }

  private static Serializer<CustomerState> encoder() {
    return (topic, state) -> {
      if (state == null) {
        return null;
      }
      try {
        ByteBuffer buffer = CustomerState.getEncoder().encode(state);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static BinaryMessageDecoder<CustomerState> decoderOfAllVersions() {
    SchemaStore.Cache earlier = new SchemaStore.Cache();
    for (String resource : EARLIER_SCHEMAS) {
      try (InputStream schema = CustomerStateSerde.class.getResourceAsStream(resource)) {
        earlier.addSchema(new Schema.Parser().parse(schema));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the state schema " + resource, e);
      }
    }
    return CustomerState.createDecoder(earlier);
  }

  private static Deserializer<CustomerState> decoder() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return DECODER.decode(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
