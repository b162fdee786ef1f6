package io.ltvengine.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from the beginning with read_committed, as a downstream tool would: what it sees
 * is what exactly-once processing committed.
 */
final class TopicReader<K, V> implements AutoCloseable {

  private final KafkaConsumer<K, V> consumer;
  private final List<ConsumerRecord<K, V>> records = new ArrayList<>();

  TopicReader(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            keys,
            values);
    consumer.subscribe(List.of(topic));
  }

  /** Everything read so far, after one more poll. */
  List<ConsumerRecord<K, V>> poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    return List.copyOf(records);
  }

  List<V> values() {
    return poll().stream().map(ConsumerRecord::value).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
