package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.CustomerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Customer state in Avro's single-object encoding: a schema fingerprint then the binary record, so
 * state written by one version of the engine stays readable after the schema evolves.
 */
public final class CustomerStateSerde extends Serdes.WrapperSerde<CustomerState> {

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

  private static Deserializer<CustomerState> decoder() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return CustomerState.getDecoder().decode(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
