package io.ltvengine.streams.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.valuation.CustomerLedger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

  private final StateSerde<CustomerState> serde = StateSerde.customerState();

  @Test
  void shouldReadBackWhatItWrote() {
    CustomerState state = CustomerLedger.emptyState();
    state.setOrders(3);
    state.setGrossMinor(4_200);

    byte[] bytes = serde.serializer().serialize("t", state);

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
  }

  @Test
  void shouldSpeakAvrosOwnSingleObjectEncoding() throws IOException {
    CustomerState state = CustomerLedger.emptyState();
    state.setRefunds(1);
    ByteBuffer avroEncoded = CustomerState.getEncoder().encode(state);
    byte[] avroBytes = new byte[avroEncoded.remaining()];
    avroEncoded.get(avroBytes);

    byte[] ours = serde.serializer().serialize("t", state);

    assertThat(ours).isEqualTo(avroBytes);
    assertThat(CustomerState.getDecoder().decode(ours)).isEqualTo(state);
  }

  @Test
  void shouldRefuseStateOfAnUnknownSchema() {
    byte[] bytes = serde.serializer().serialize("t", CustomerLedger.emptyState());
    bytes[5] ^= 0x55;

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema");
  }

  @Test
  void shouldReadStateWrittenWithTheFirstSchema() throws IOException {
    // Given a customer's state as the first version of the engine wrote it
    Schema first = firstSchema();
    GenericRecord old = new GenericData.Record(first);
    CustomerState current = CustomerLedger.emptyState();
    for (Schema.Field field : first.getFields()) {
      old.put(field.name(), current.get(field.name()));
    }
    old.put("orders", 2);
    old.put("recentPurchases", List.of(1_000L, 2_000L));
    old.put("categorySpend", Map.of("books", 900L));
    Schema summarySchema = first.getField("lastOrder").schema().getTypes().get(1);
    GenericRecord lastOrder = new GenericData.Record(summarySchema);
    lastOrder.put("orderId", "o-7");
    lastOrder.put("purchasedAt", 2_000L);
    lastOrder.put("amountMinor", 450L);
    lastOrder.put("channel", new GenericData.EnumSymbol(summarySchema.getField("channel").schema(), "WEB"));
    old.put("lastOrder", lastOrder);
    ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), first).encode(old);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);

    // When this version reads it
    CustomerState state = serde.deserializer().deserialize("t", bytes);

    // Then it keeps what was there, and the newer fields take their defaults
    assertThat(state.getOrders()).isEqualTo(2);
    assertThat(state.getRecentPurchases()).containsExactly(1_000L, 2_000L);
    assertThat(state.getCategorySpend()).containsEntry("books", 900L);
    assertThat(state.getRecentEvents()).isEmpty();
    assertThat(state.getLastOrder().getOrderId()).isEqualTo("o-7");
    assertThat(state.getLastOrder().getPurchasedAt()).isEqualTo(2_000L);
  }

  @Test
  void shouldReadStateWrittenBeforeTheFirstPurchaseAmountAndTheAudiencesWereKept() throws IOException {
    // Given a customer's state as the version before this one wrote it
    Schema second;
    try (InputStream schema = StateSerde.class.getResourceAsStream("CustomerState-2.avsc")) {
      second = new Schema.Parser().parse(schema);
    }
    CustomerState current = CustomerLedger.emptyState();
    current.setOrders(3);
    current.setGrossMinor(9_000);
    GenericRecord old = new GenericData.Record(second);
    for (Schema.Field field : second.getFields()) {
      old.put(field.name(), current.get(field.name()));
    }
    ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), second).encode(old);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);

    // When this version reads it
    CustomerState state = serde.deserializer().deserialize("t", bytes);

    // Then the first amount is unknown (every purchase is valued) and the customer is not yet counted
    assertThat(state.getOrders()).isEqualTo(3);
    assertThat(state.getFirstPurchaseMinor()).isEqualTo(-1L);
    assertThat(state.getAudience()).isNull();
  }

  private static Schema firstSchema() throws IOException {
    try (InputStream schema = StateSerde.class.getResourceAsStream("CustomerState-1.avsc")) {
      return new Schema.Parser().parse(schema);
    }
  }
}
