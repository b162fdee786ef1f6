package io.ltvengine.tools.bench;

import io.ltvengine.avro.Order;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * End-to-end latency at a fixed rate below saturation: from the moment an order is sent to the
 * moment its LTV update is readable by a {@code read_committed} consumer. The engine forwards the
 * order's record timestamp with the update, so the send time travels with the record.
 */
final class LatencyProbe {

  /** Percentiles in milliseconds, and how many updates they were taken from. */
  record Latency(double p50, double p99, double p999, int samples) {}

  private LatencyProbe() {}

  static Latency measure(
      BenchKafka kafka, String guarantee, int partitions, int customers, int rate, Duration duration,
      Duration warmup, Path stateDir) throws Exception {
    String name = "latency-" + guarantee.replace('_', '-');
    String ordersTopic = name + "-orders";
    kafka.createTopic(ordersTopic, partitions);
    try (EngineRun engine = new EngineRun(kafka, new RunSpec(name, guarantee, stateDir), ordersTopic, partitions).start();
        KafkaConsumer<byte[], byte[]> consumer = readCommitted(kafka)) {
      engine.awaitRunning();
      List<TopicPartition> outputs = kafka.partitions(engine.ltvTopic());
      consumer.assign(outputs);
      consumer.seekToBeginning(outputs);
      long count = duration.toSeconds() * rate;
      long measureFrom = System.currentTimeMillis() + warmup.toMillis();
      CompletableFuture<Void> sending =
          CompletableFuture.runAsync(() -> send(kafka, ordersTopic, customers, rate, count));
      long[] latencies = collect(consumer, count, measureFrom);
      sending.join();
      return percentiles(latencies);
    }
  }

  /** Sends {@code count} orders at {@code rate} per second, each stamped with its send time. */
  private static void send(BenchKafka kafka, String topic, int customers, int rate, long count) {
    BenchOrders generator = new BenchOrders(7, customers);
    long startNanos = System.nanoTime();
    try (KafkaProducer<String, Order> producer = kafka.orderProducer(1)) {
      for (long i = 0; i < count; i++) {
        LockSupport.parkNanos(startNanos + i * 1_000_000_000L / rate - System.nanoTime());
        long now = System.currentTimeMillis();
        Order order = generator.next(Instant.ofEpochMilli(now));
        producer.send(new ProducerRecord<>(topic, null, now, order.getCustomerId(), order));
      }
    }
  }

  /** Latencies of the updates of orders sent after the warm-up, until every order's update is in. */
  private static long[] collect(KafkaConsumer<byte[], byte[]> consumer, long expected, long measureFrom) {
    long[] latencies = new long[(int) expected];
    int measured = 0;
    long seen = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (seen < expected && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
        long readAt = System.currentTimeMillis();
        seen++;
        if (record.timestamp() >= measureFrom && measured < latencies.length) {
          latencies[measured++] = readAt - record.timestamp();
        }
      }
    }
    return Arrays.copyOf(latencies, measured);
  }

  private static Latency percentiles(long[] latencies) {
    Arrays.sort(latencies);
    return new Latency(
        percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 0.999), latencies.length);
  }

  private static double percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
  }

  private static KafkaConsumer<byte[], byte[]> readCommitted(BenchKafka kafka) {
    Properties properties = kafka.clientProperties();
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
