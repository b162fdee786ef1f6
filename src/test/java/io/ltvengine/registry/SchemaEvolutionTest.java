package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import io.ltvengine.registry.InvalidWireFormatException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** Records written by other versions of a schema, read into today's generated class. */
class SchemaEvolutionTest {

  private final MockSchemaRegistry registry = new MockSchemaRegistry();
  private final SpecificAvroDeserializer<Order> deserializer =
      new SpecificAvroDeserializer<>(registry, Order.class);

  @Test
  void shouldReadNewerWriterWithAddedOptionalFieldIntoOlderReaderClass() throws IOException {
    // Given a newer producer whose Order has a coupon field
    List<Schema.Field> fields = copyFields(Order.getClassSchema(), Set.of());
    fields.add(new Schema.Field("coupon", Schema.createUnion(
        Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
        Schema.Field.NULL_DEFAULT_VALUE));
    Schema newer = orderSchema(fields);
    GenericRecord written = refund(newer).set("coupon", "SPRING10")
        .set("shopId", "shop-fr").build();

    // When
    Order read = deserializer.deserialize("orders", frame(registry.register("orders-value", newer),
        written));

    // Then
    assertThat(read).isEqualTo(expectedRefund().setShopId("shop-fr").build());
  }

  @Test
  void shouldFillDefaultsWhenOlderWriterLacksFieldsOfReaderClass() throws IOException {
    // Given an older producer whose Order had no channel, eventId and shopId yet
    Schema older = orderSchema(copyFields(Order.getClassSchema(),
        Set.of("channel", "eventId", "shopId")));
    GenericRecord written = refund(older).build();

    // When
    Order read = deserializer.deserialize("orders", frame(registry.register("orders-value", older),
        written));

    // Then
    assertThat(read).isEqualTo(expectedRefund().build());
    assertThat(read.getChannel()).isEqualTo(SalesChannel.OTHER);
    assertThat(read.getEventId()).isNull();
  }

  @Test
  void shouldRejectWriterLackingAFieldTheReaderCannotDefault() throws IOException {
    // Given a writer without amountMinor, which has no default
    Schema writer = orderSchema(copyFields(Order.getClassSchema(), Set.of("amountMinor")));
    GenericRecord written = new GenericRecordBuilder(writer).set("orderId", "o-1")
        .set("customerId", "c-1").set("eventTime", 0L).set("currency", "EUR").build();
    byte[] bytes = frame(registry.register("legacy-value", writer), written);

    // When / Then
    assertThatThrownBy(() -> deserializer.deserialize("legacy", bytes))
        .isInstanceOfSatisfying(InvalidWireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INCOMPATIBLE_SCHEMA))
        .hasMessageContaining("amountMinor");
  }

  private static GenericRecordBuilder refund(Schema schema) {
    Schema lineItem = schema.getField("lineItems").schema().getElementType();
    return new GenericRecordBuilder(schema)
        .set("orderId", "o-9")
        .set("customerId", "c-9")
        .set("eventTime", AvroTestData.PLACED_AT.toEpochMilli())
        .set("type", new GenericData.EnumSymbol(schema.getField("type").schema(), "REFUND"))
        .set("amountMinor", 700L)
        .set("currency", "EUR")
        .set("lineItems", List.of(new GenericRecordBuilder(lineItem).set("sku", "sku-3")
            .set("category", "hats").set("quantity", 1).set("unitPriceMinor", 700L).build()));
  }

  private static Order.Builder expectedRefund() {
    return Order.newBuilder()
        .setOrderId("o-9")
        .setCustomerId("c-9")
        .setEventTime(AvroTestData.PLACED_AT)
        .setType(OrderType.REFUND)
        .setAmountMinor(700L)
        .setCurrency("EUR")
        .setLineItems(List.of(new LineItem("sku-3", "hats", 1, 700L)));
  }

  private static List<Schema.Field> copyFields(Schema schema, Set<String> without) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (!without.contains(field.name())) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return fields;
  }

  private static Schema orderSchema(List<Schema.Field> fields) {
    return Schema.createRecord("Order", null, "io.ltvengine.avro", false, fields);
  }

  /** Confluent's framing, written independently of the serializer under test. */
  private static byte[] frame(int schemaId, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
