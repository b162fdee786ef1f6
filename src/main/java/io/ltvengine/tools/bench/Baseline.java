package io.ltvengine.tools.bench;

import io.ltvengine.avro.Order;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The physical limit: one plain consumer that fetches and decodes every order and does nothing
 * else. No stream processor on this machine can be faster than this.
 */
final class Baseline {

  private Baseline() {}

  /** Orders per second from the first record fetched to the last. */
  static double ordersPerSecond(BenchKafka kafka, String topic, long orders) {
    Properties properties = kafka.clientProperties();
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    long seen = 0;
    long firstNanos = 0;
    try (KafkaConsumer<String, Order> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), kafka.orderSerde().deserializer())) {
      consumer.subscribe(Pattern.compile(Pattern.quote(topic)));
      while (seen < orders) {
        ConsumerRecords<String, Order> records = consumer.poll(Duration.ofMillis(100));
        if (firstNanos == 0 && !records.isEmpty()) {
          firstNanos = System.nanoTime();
        }
        // The consumer has already decoded every value inside poll().
        seen += records.count();
      }
    }
    double seconds = (System.nanoTime() - firstNanos) / 1e9;
    return orders / seconds;
  }
}
