package io.ltvengine.tools.demo;

import io.ltvengine.tools.demo.ShopEvent.Kind;
import io.ltvengine.avro.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a {@link ShopSimulator} into a Kafka topic in (compressed) real time: each event is sent
 * when the {@link ShopClock} reaches its send time, keyed by customer id, stamped with that send
 * time as a shop's producer would stamp it. The engine judges event times against this stamp, which
 * is how it recognises the far-future records among the malformed ones. Orders go through the given serializer; the two byte-level malformed
 * kinds are broken after serialization, which is why the producer sends raw bytes.
 */
public final class ShopProducer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ShopProducer.class);
  private static final Duration MIN_SLEEP = Duration.ofMillis(1);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final Serializer<Order> serializer;
  private final ShopSimulator simulator;
  private final ShopClock clock;
  private final Random garbage = new Random(0);
  private final Map<Kind, LongAdder> acknowledged = new ConcurrentHashMap<>();
  private final LongAdder failed = new LongAdder();
  private volatile boolean stopped;

  public ShopProducer(Producer<String, byte[]> producer, String topic,
      Serializer<Order> serializer, ShopSimulator simulator, ShopClock clock) {
    this.producer = producer;
    this.topic = topic;
    this.serializer = serializer;
    this.simulator = simulator;
    this.clock = clock;
  }

  /**
   * Sends every event due before {@code shopEnd}, each at its time, then flushes. Returns early,
   * without error, when {@link #stop()} is called or the thread is interrupted.
   */
  public void runUntil(Instant shopEnd) {
    while (!stopped && simulator.nextSendAt().isBefore(shopEnd)) {
      if (!awaitShopTime(simulator.nextSendAt())) {
        break;
      }
      send(simulator.next());
    }
    producer.flush();
  }

  /** Makes {@link #runUntil} return after the event in flight; callable from any thread. */
  public void stop() {
    stopped = true;
  }

  /** Records the broker has acknowledged so far, by kind. */
  public Map<Kind, Long> sentCounts() {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    acknowledged.forEach((kind, count) -> counts.put(kind, count.sum()));
    return counts;
  }

  /** Records the producer gave up on. */
  public long failedSends() {
    return failed.sum();
  }

  @Override
  public void close() {
    stop();
    producer.close();
  }

  private boolean awaitShopTime(Instant sendAt) {
    Duration wait = clock.wallTimeUntil(sendAt);
    // Sleeps shorter than a millisecond oversleep; sending a little early instead keeps high rates
    // exact, because each wait is measured against the clock, so no lag accumulates.
    if (wait.compareTo(MIN_SLEEP) < 0) {
      return true;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(wait.toNanos());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void send(ShopEvent event) {
    Order order = event.order();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(
        topic, null, event.sendAt().toEpochMilli(), event.key(), payload(event));
    producer.send(record, (metadata, error) -> {
      if (error == null) {
        acknowledged.computeIfAbsent(event.kind(), kind -> new LongAdder()).increment();
      } else {
        failed.increment();
        LOG.warn("Could not send {} of order {}", event.kind(), order.getOrderId(), error);
      }
    });
  }

  private byte[] payload(ShopEvent event) {
    return switch (event.kind()) {
      case RANDOM_BYTES -> randomBytes();
      case WRONG_MAGIC_BYTE -> withWrongFirstByte(serializer.serialize(topic, event.order()));
      default -> serializer.serialize(topic, event.order());
    };
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[5 + garbage.nextInt(40)];
    garbage.nextBytes(bytes);
    return bytes;
  }

  /** The first byte is the Schema Registry wire format's magic byte (0). */
  private static byte[] withWrongFirstByte(byte[] serialized) {
    serialized[0] = (byte) ~serialized[0];
    return serialized;
  }
}
