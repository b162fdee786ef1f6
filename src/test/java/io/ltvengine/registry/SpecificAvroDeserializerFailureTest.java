package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.avro.Order;
import io.ltvengine.registry.InvalidWireFormatException.Reason;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad records must be told apart from an unavailable registry. */
class SpecificAvroDeserializerFailureTest {

  private final MockSchemaRegistry registry = new MockSchemaRegistry();
  private final SpecificAvroDeserializer<Order> deserializer =
      new SpecificAvroDeserializer<>(registry, Order.class);
  private final byte[] valid =
      new SpecificAvroSerializer<Order>(registry).serialize("orders", AvroTestData.fullOrder());
  private final SchemaRegistryRestFixture fixture = new SchemaRegistryRestFixture(registry).start();

  @AfterEach
  void stopFixture() {
    fixture.close();
  }

  @Test
  void shouldRejectUnknownMagicByte() {
    byte[] bytes = valid.clone();
    bytes[0] = 1;

    assertBadRecord(() -> deserializer.deserialize("orders", bytes), Reason.UNKNOWN_MAGIC_BYTE);
  }

  @Test
  void shouldRejectPayloadShorterThanHeader() {
    byte[] bytes = Arrays.copyOf(valid, 4);

    assertBadRecord(() -> deserializer.deserialize("orders", bytes), Reason.TOO_SHORT);
  }

  @Test
  void shouldRejectTruncatedAvroBody() {
    byte[] bytes = Arrays.copyOf(valid, valid.length - 3);

    assertBadRecord(() -> deserializer.deserialize("orders", bytes), Reason.MALFORMED_AVRO);
  }

  @Test
  void shouldRejectUnknownSchemaIdFromMockRegistry() {
    byte[] bytes = withSchemaId(valid, 999);

    assertBadRecord(() -> deserializer.deserialize("orders", bytes), Reason.UNKNOWN_SCHEMA_ID);
  }

  @Test
  void shouldRejectUnknownSchemaIdAnsweredWith40403OverRest() {
    // Given
    byte[] bytes = withSchemaId(valid, 999);
    SpecificAvroDeserializer<Order> overRest = restDeserializer(fixture.url());

    // When / Then
    assertBadRecord(() -> overRest.deserialize("orders", bytes), Reason.UNKNOWN_SCHEMA_ID);
  }

  @Test
  void shouldReadValidRecordOverRest() {
    assertThat(restDeserializer(fixture.url()).deserialize("orders", valid))
        .isEqualTo(AvroTestData.fullOrder());
  }

  @Test
  void shouldReportUnreachableRegistryAsUnavailableAndNotAsBadRecord() {
    // Given a registry that went away
    String url = fixture.url();
    fixture.close();

    // When / Then
    assertUnavailable(() -> restDeserializer(url).deserialize("orders", valid));
  }

  @Test
  void shouldReportServerErrorOfRegistryAsUnavailable() {
    // Given
    fixture.failWith(503);

    // When / Then
    assertUnavailable(() -> restDeserializer(fixture.url()).deserialize("orders", valid));
  }

  @Test
  void shouldReportRejectedCredentialsAsRegistryErrorAndNotAsBadRecord() {
    // Given a registry requiring credentials the deserializer lacks
    try (SchemaRegistryRestFixture secured =
        new SchemaRegistryRestFixture(registry).withBasicAuth("app", "secret").start()) {
      // When / Then
      assertThatThrownBy(() -> restDeserializer(secured.url()).deserialize("orders", valid))
          .isInstanceOfSatisfying(SchemaRegistryException.class,
              e -> assertThat(e.httpStatus()).isEqualTo(401))
          .isNotInstanceOf(SerializationException.class);
    }
  }

  private static SpecificAvroDeserializer<Order> restDeserializer(String url) {
    SpecificAvroDeserializer<Order> deserializer = new SpecificAvroDeserializer<>();
    deserializer.configure(Map.of("schema.registry.url", url,
        "specific.avro.value.type", Order.class.getName()), false);
    return deserializer;
  }

  private static byte[] withSchemaId(byte[] framed, int id) {
    byte[] bytes = framed.clone();
    bytes[1] = (byte) (id >>> 24);
    bytes[2] = (byte) (id >>> 16);
    bytes[3] = (byte) (id >>> 8);
    bytes[4] = (byte) id;
    return bytes;
  }

  private static void assertBadRecord(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(SerializationException.class)
        .isInstanceOfSatisfying(InvalidWireFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static void assertUnavailable(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .isNotInstanceOf(SerializationException.class);
  }
}
