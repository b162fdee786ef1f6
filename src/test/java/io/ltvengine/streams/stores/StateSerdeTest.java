package io.ltvengine.streams.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SegmentCount;
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
    Schema first = earlierSchema("CustomerState-1.avsc");
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

    // When this version reads it
    CustomerState state = serde.deserializer().deserialize("t", encode(first, old));

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
    Schema second = earlierSchema("CustomerState-2.avsc");
    CustomerState current = CustomerLedger.emptyState();
    current.setOrders(3);
    current.setGrossMinor(9_000);
    GenericRecord old = new GenericData.Record(second);
    for (Schema.Field field : second.getFields()) {
      old.put(field.name(), current.get(field.name()));
    }

    // When this version reads it
    CustomerState state = serde.deserializer().deserialize("t", encode(second, old));

    // Then the first amount is unknown (every purchase is valued) and the customer is not yet counted
    assertThat(state.getOrders()).isEqualTo(3);
    assertThat(state.getFirstPurchaseMinor()).isEqualTo(-1L);
    assertThat(state.getAudience()).isNull();
  }

  @Test
  void shouldReadStateAndSegmentCountsWrittenBeforeValueTiersWereKept() throws IOException {
    // Given a counted customer and a segment count as the version before this one wrote them
    Schema third = earlierSchema("CustomerState-3.avsc");
    Schema membershipSchema = third.getField("audience").schema().getTypes().get(1);
    GenericRecord membership = new GenericData.Record(membershipSchema);
    membership.put("segment", "ACTIVE");
    membership.put("riskTier", "LOW");
    membership.put("netRevenueMinor", 9_000L);
    CustomerState current = CustomerLedger.emptyState();
    GenericRecord old = new GenericData.Record(third);
    for (Schema.Field field : third.getFields()) {
      old.put(field.name(), current.get(field.name()));
    }
    old.put("audience", membership);
    Schema countSchema = earlierSchema("SegmentCount-1.avsc");
    GenericRecord count = new GenericData.Record(countSchema);
    count.put("customers", 4L);
    count.put("netRevenueMinor", 12_000L);

    // When this version reads them
    CustomerState state = serde.deserializer().deserialize("t", encode(third, old));
    SegmentCount cell = StateSerde.segmentCount().deserializer().deserialize("t", encode(countSchema, count));

    // Then the customer is counted without value tier, which the ranking walk then gives them
    assertThat(state.getAudience().getSegment()).isEqualTo("ACTIVE");
    assertThat(state.getAudience().getValueTier()).isNull();
    assertThat(cell).isEqualTo(new SegmentCount(4L, 12_000L, 0L));
  }

  private static byte[] encode(Schema schema, GenericRecord record) throws IOException {
    ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return bytes;
  }

  private static Schema earlierSchema(String resource) throws IOException {
    try (InputStream schema = StateSerde.class.getResourceAsStream(resource)) {
      return new Schema.Parser().parse(schema);
    }
  }
}
