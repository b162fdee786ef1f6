package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.avro.Order;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerializerTest {

  private static final String SCOPE = "serializer-test";

  private final MockSchemaRegistry registry = new MockSchemaRegistry();

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldFrameRecordAsMagicByteBigEndianSchemaIdAndPlainAvroBinary() throws IOException {
    // Given another schema registered first, so that the order's id is not 1
    registry.register("other-value", Tiny.SCHEMA$);
    Order order = AvroTestData.fullOrder();

    // When
    byte[] bytes = new SpecificAvroSerializer<Order>(registry).serialize("orders", order);

    // Then
    int registeredId = registry.getId("orders-value", Order.getClassSchema());
    assertThat(registeredId).isEqualTo(2);
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(order));
  }

  @Test
  void shouldWriteExactBytesAgainAfterARecordFailedHalfway() throws IOException {
    // Given a record that fails after its first fields were written
    SpecificAvroSerializer<Order> serializer = new SpecificAvroSerializer<>(registry);
    Order broken = Order.newBuilder(AvroTestData.fullOrder()).build();
    broken.setCurrency(null);
    assertThatThrownBy(() -> serializer.serialize("orders", broken))
        .isInstanceOf(SerializationException.class);

    // When
    byte[] bytes = serializer.serialize("orders", AvroTestData.bareOrder());

    // Then
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length))
        .isEqualTo(plainAvro(AvroTestData.bareOrder()));
  }

  @Test
  void shouldProduceKnownBytesForTinyRecordRegisteredAsIdOne() {
    // Given an empty registry, so that Tiny gets id 1
    Tiny tiny = new Tiny("ab", 3);

    // When
    byte[] bytes = new SpecificAvroSerializer<Tiny>(registry).serialize("tiny", tiny);

    // Then magic 00, id 00000001, string length 2 zig-zag 04, "ab" 6162, int 3 zig-zag 06
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000001" + "04" + "6162" + "06");
  }

  @Test
  void shouldWriteSchemaIdBigEndian() {
    // Given a registry whose next id is 259 = 0x103
    MockSchemaRegistry padded = new MockSchemaRegistry();
    for (int i = 0; i < 258; i++) {
      padded.register("filler-" + i, SchemaBuilder.fixed("F" + i).size(1));
    }

    // When
    byte[] bytes = new SpecificAvroSerializer<Tiny>(padded).serialize("tiny", new Tiny("ab", 3));

    // Then
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("00" + "00000103" + "04" + "6162" + "06");
  }

  @Test
  void shouldRegisterUnderKeySubjectWhenConfiguredAsKey() {
    // Given
    SpecificAvroSerializer<Tiny> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(), true);

    // When
    serializer.serialize("tiny", new Tiny("k", 1));

    // Then
    assertThat(registry.subjects()).containsExactly("tiny-key");
  }

  @Test
  void shouldRegisterUnderTheRecordNameWithConfluentsRecordNameStrategy() {
    SpecificAvroSerializer<Tiny> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(SubjectNameStrategy.VALUE_CONFIG, "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false);

    serializer.serialize("tiny", new Tiny("k", 1));

    assertThat(registry.subjects()).containsExactly(Tiny.SCHEMA$.getFullName());
  }

  @Test
  void shouldRegisterUnderTopicAndRecordNameWithTopicRecordNameStrategy() {
    SpecificAvroSerializer<Tiny> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of(SubjectNameStrategy.VALUE_CONFIG, "TopicRecordNameStrategy"), false);

    serializer.serialize("tiny", new Tiny("k", 1));

    assertThat(registry.subjects()).containsExactly("tiny-" + Tiny.SCHEMA$.getFullName());
  }

  @Test
  void shouldRefuseASubjectNameStrategyItDoesNotKnowInsteadOfIgnoringIt() {
    SpecificAvroSerializer<Tiny> serializer = new SpecificAvroSerializer<>(registry);

    assertThatThrownBy(() -> serializer.configure(Map.of(SubjectNameStrategy.VALUE_CONFIG, "com.example.MyStrategy"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.example.MyStrategy");
  }

  @Test
  void shouldAskTheRegistryToNormalizeWhenNormalizeSchemasIsSet() {
    try (SchemaRegistryRestFixture fixture = new SchemaRegistryRestFixture().start()) {
      SpecificAvroSerializer<Tiny> serializer = new SpecificAvroSerializer<>();
      serializer.configure(Map.of("schema.registry.url", fixture.url(), SpecificAvroSerializer.NORMALIZE_SCHEMAS, "true"), false);

      serializer.serialize("tiny", new Tiny("k", 1));

      assertThat(fixture.requestLines()).as("requests to the registry").containsExactly("POST /subjects/tiny-value/versions?normalize=true");
    }
  }

  @Test
  void shouldSerializeNullAsNullForTombstones() {
    assertThat(new SpecificAvroSerializer<Order>(registry).serialize("orders", null)).isNull();
  }

  @Test
  void shouldWriteSameBytesThroughHeadersVariant() {
    // Given
    SpecificAvroSerializer<Order> serializer = new SpecificAvroSerializer<>(registry);
    Order order = AvroTestData.fullOrder();

    // When
    byte[] withHeaders = serializer.serialize("orders", new RecordHeaders(), order);

    // Then
    assertThat(withHeaders).isEqualTo(serializer.serialize("orders", order));
  }

  @Test
  void shouldCreateMockClientFromConfiguredScope() {
    // Given
    SpecificAvroSerializer<Order> serializer = new SpecificAvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);

    // When
    serializer.serialize("orders", AvroTestData.fullOrder());

    // Then
    assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).containsExactly("orders-value");
  }

  @Test
  void shouldFailWithRegistryErrorWhenAutoRegisterIsOffAndSchemaIsNotRegistered() {
    // Given
    SpecificAvroSerializer<Order> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of("auto.register.schemas", "false"), false);

    // When / Then
    assertThatThrownBy(() -> serializer.serialize("orders", AvroTestData.fullOrder()))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(SerializationException.class)
        .extracting(e -> ((SchemaRegistryException) e).errorCode())
        .isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
  }

  @Test
  void shouldUseIdOfLatestVersionWhenItEncodesLikeRecordSchema() {
    // Given the order schema registered by a non-Java producer, without Java string properties
    Schema withoutJavaProps = new Schema.Parser().parse(
        Order.getClassSchema().toString().replace(",\"avro.java.string\":\"String\"", ""));
    registry.register("filler-value", Tiny.SCHEMA$);
    int latestId = registry.register("orders-value", withoutJavaProps);
    SpecificAvroSerializer<Order> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of("auto.register.schemas", false, "use.latest.version", true), false);

    // When
    byte[] bytes = serializer.serialize("orders", AvroTestData.fullOrder());

    // Then
    assertThat(withoutJavaProps).isNotEqualTo(Order.getClassSchema());
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
    assertThat(registry.versions("orders-value")).containsExactly(latestId);
  }

  @Test
  void shouldRefuseLatestVersionThatEncodesDifferently() {
    // Given a latest version with an extra field
    registry.register("orders-value", SchemaBuilder.record("Order").namespace("io.ltvengine.avro")
        .fields().requiredString("orderId").endRecord());
    SpecificAvroSerializer<Order> serializer = new SpecificAvroSerializer<>(registry);
    serializer.configure(Map.of("use.latest.version", "true"), false);

    // When / Then
    assertThatThrownBy(() -> serializer.serialize("orders", AvroTestData.fullOrder()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("does not encode like");
  }

  private static byte[] plainAvro(Order order) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(Order.class).write(order, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
