package io.ltvengine.jmh;

import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import io.ltvengine.streams.RegistryAvroSerdes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Encoding and decoding one order in the Confluent wire format, as the engine does per record. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderSerdeBenchmark {

  private static final String TOPIC = "orders";

  private Serializer<Order> serializer;
  private Deserializer<Order> deserializer;
  private Order order;
  private byte[] encoded;

  @Setup
  public void setUp() {
    Serde<Order> serde =
        new RegistryAvroSerdes(Map.of("schema.registry.url", "mock://jmh")).valueSerde(Order.class);
    serializer = serde.serializer();
    deserializer = serde.deserializer();
    order = sampleOrder();
    encoded = serializer.serialize(TOPIC, order);
  }

  static Order sampleOrder() {
    return Order.newBuilder()
        .setOrderId("o-000000042")
        .setCustomerId("c-0000007")
        .setEventTime(Instant.parse("2025-03-01T10:15:30Z"))
        .setType(OrderType.PURCHASE)
        .setAmountMinor(12_990L)
        .setCurrency("EUR")
        .setCostMinor(6_500L)
        .setLineItems(List.of(new LineItem("fashion-123", "fashion", 1, 12_990L)))
        .setChannel(SalesChannel.WEB)
        .setShopId("bench-shop")
        .build();
  }

  @Benchmark
  public byte[] encode() {
    return serializer.serialize(TOPIC, order);
  }

  @Benchmark
  public Order decode() {
    return deserializer.deserialize(TOPIC, encoded);
  }
}
