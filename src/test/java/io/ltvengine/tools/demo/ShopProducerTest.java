package io.ltvengine.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.tools.demo.ShopEvent.Kind;
import io.ltvengine.avro.Order;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class ShopProducerTest {

  private static final String TOPIC = "orders";
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final ShopParameters PARAMETERS = ShopParameters.defaults(7, START);

  private final MockProducer<String, byte[]> kafka =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

  @Test
  void shouldSendEverySimulatedEventKeyedByCustomerWithItsSendTime() {
    // Given the events a simulator makes in 60 shop days, played 60 shop days per wall second
    Instant end = START.plus(Duration.ofDays(60));
    List<ShopEvent> expected = new ShopSimulator(PARAMETERS).nextUntil(end);
    ShopClock clock = ShopClock.start(START, Duration.ofDays(60).toSeconds());

    // When the producer plays the same simulation
    try (ShopProducer producer = newProducer(clock)) {
      producer.runUntil(end);

      // Then every event is sent once, in order, keyed by customer and stamped with its send time
      List<ProducerRecord<String, byte[]>> sent = kafka.history();
      assertThat(sent).hasSameSizeAs(expected);
      for (int i = 0; i < sent.size(); i++) {
        assertThat(sent.get(i).key()).isEqualTo(expected.get(i).key());
        assertThat(sent.get(i).timestamp())
            .isEqualTo(expected.get(i).sendAt().toEpochMilli());
      }
      assertThat(producer.sentCounts()).isEqualTo(countByKind(expected));
      assertThat(producer.failedSends()).isZero();
    }
  }

  @Test
  void shouldSerializeOrdersAndBreakOnlyTheByteLevelMalformedKinds() {
    // Given a producer that has played half a year of shop time
    Instant end = START.plus(Duration.ofDays(180));
    List<ShopEvent> expected = new ShopSimulator(PARAMETERS).nextUntil(end);
    try (ShopProducer producer = newProducer(ShopClock.start(START, 1e9))) {
      producer.runUntil(end);
    }

    // Then orders decode back, except the random and wrong-magic-byte records
    List<ProducerRecord<String, byte[]>> sent = kafka.history();
    for (int i = 0; i < sent.size(); i++) {
      ShopEvent event = expected.get(i);
      byte[] value = sent.get(i).value();
      switch (event.kind()) {
        case RANDOM_BYTES -> assertThat(value).isNotEqualTo(AvroSerde.serialize(event.order()));
        case WRONG_MAGIC_BYTE -> {
          byte[] valid = AvroSerde.serialize(event.order());
          assertThat(value[0]).isNotEqualTo(valid[0]);
          assertThat(value).hasSameSizeAs(valid);
        }
        default -> assertThat(AvroSerde.deserialize(value)).isEqualTo(event.order());
      }
    }
    assertThat(expected).extracting(ShopEvent::kind)
        .contains(Kind.RANDOM_BYTES, Kind.WRONG_MAGIC_BYTE);
  }

  @Test
  void shouldNotSendEventsBeforeTheShopClockReachesThem() {
    // Given a clock at ten shop days per wall second
    ShopClock clock = ShopClock.start(START, Duration.ofDays(10).toSeconds());
    Instant end = START.plus(Duration.ofDays(3));
    long wallStart = System.nanoTime();

    // When the producer plays the first three shop days
    try (ShopProducer producer = newProducer(clock)) {
      producer.runUntil(end);
    }

    // Then it took at least the wall time the clock needed to reach the last event
    List<ShopEvent> expected = new ShopSimulator(PARAMETERS).nextUntil(end);
    Instant lastSendAt = expected.get(expected.size() - 1).sendAt();
    Duration shopSpan = Duration.between(START, lastSendAt);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - wallStart);
    assertThat(elapsed).isGreaterThanOrEqualTo(shopSpan.dividedBy(Duration.ofDays(10).toSeconds()));
  }

  private ShopProducer newProducer(ShopClock clock) {
    return new ShopProducer(kafka, TOPIC, (topic, order) -> AvroSerde.serialize(order),
        new ShopSimulator(PARAMETERS), clock);
  }

  private static Map<Kind, Long> countByKind(List<ShopEvent> events) {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    events.forEach(event -> counts.merge(event.kind(), 1L, Long::sum));
    return counts;
  }

  /** Plain Avro binary encoding, standing in for the Schema Registry serde. */
  private static final class AvroSerde {

    static byte[] serialize(Order order) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      try {
        new SpecificDatumWriter<>(Order.class).write(order, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    static Order deserialize(byte[] bytes) {
      try {
        return new SpecificDatumReader<>(Order.class)
            .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
