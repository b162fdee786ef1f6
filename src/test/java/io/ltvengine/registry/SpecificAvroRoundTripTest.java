package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpecificAvroRoundTripTest {

  private static final String SCOPE = "round-trip-test";

  private final MockSchemaRegistry registry = new MockSchemaRegistry();

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldRoundTripOrderWithLineItemsAndEveryOptionalField() {
    assertRoundTrip(new SpecificAvroSerde<>(registry, Order.class), AvroTestData.fullOrder());
  }

  @Test
  void shouldRoundTripOrderWithNullOptionalsAndNoLineItems() {
    assertRoundTrip(new SpecificAvroSerde<>(registry, Order.class), AvroTestData.bareOrder());
  }

  @Test
  void shouldRoundTripCustomerLtvWithModelFields() {
    assertRoundTrip(new SpecificAvroSerde<>(registry, CustomerLtv.class),
        AvroTestData.customerLtv(true));
  }

  @Test
  void shouldRoundTripCustomerLtvWithNullModelFields() {
    assertRoundTrip(new SpecificAvroSerde<>(registry, CustomerLtv.class),
        AvroTestData.customerLtv(false));
  }

  @Test
  void shouldReadIntoClassNamedByWriterSchemaWhenConfiguredWithoutType() {
    // Given a serde built by Kafka: no-arg constructor, then configure
    SpecificAvroSerde<Order> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);

    // When / Then
    assertRoundTrip(serde, AvroTestData.fullOrder());
  }

  @Test
  void shouldReadIntoConfiguredValueType() {
    // Given
    SpecificAvroSerde<Order> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of("schema.registry.url", "mock://" + SCOPE,
        "specific.avro.value.type", Order.class.getName()), false);

    // When / Then
    assertRoundTrip(serde, AvroTestData.bareOrder());
  }

  @Test
  void shouldPassNullThroughBothWaysForTombstones() {
    SpecificAvroSerde<Order> serde = new SpecificAvroSerde<>(registry, Order.class);

    assertThat(serde.serializer().serialize("orders", null)).isNull();
    assertThat(serde.deserializer().deserialize("orders", null)).isNull();
  }

  @Test
  void shouldReadThroughHeadersVariant() {
    // Given
    SpecificAvroSerde<Order> serde = new SpecificAvroSerde<>(registry, Order.class);
    byte[] bytes = serde.serializer().serialize("orders", AvroTestData.fullOrder());

    // When
    Order read = serde.deserializer().deserialize("orders", new RecordHeaders(), bytes);

    // Then
    assertThat(read).isEqualTo(AvroTestData.fullOrder());
  }

  @Test
  void shouldRoundTripFromManyThreadsSharingOneSerde() throws Exception {
    // Given one serde, as Kafka Streams shares it between its stream threads
    SpecificAvroSerde<Order> serde = new SpecificAvroSerde<>(registry, Order.class);
    Callable<Long> roundTrips = () -> IntStream.range(0, 500)
        .mapToObj(i -> Order.newBuilder(AvroTestData.fullOrder()).setOrderId("o-" + i).build())
        .filter(order -> order.equals(serde.deserializer().deserialize("orders",
            serde.serializer().serialize("orders", order))))
        .count();
    ExecutorService threads = Executors.newFixedThreadPool(4);

    // When
    List<Future<Long>> results;
    try {
      results = threads.invokeAll(Collections.nCopies(8, roundTrips));
    } finally {
      threads.shutdown();
    }

    // Then
    for (Future<Long> result : results) {
      assertThat(result.get()).isEqualTo(500);
    }
  }

  private static <T extends SpecificRecord> void assertRoundTrip(
      SpecificAvroSerde<T> serde, T record) {
    // When
    byte[] bytes = serde.serializer().serialize("topic", record);
    T read = serde.deserializer().deserialize("topic", bytes);

    // Then
    assertThat(read).isEqualTo(record).isNotSameAs(record);
  }
}
