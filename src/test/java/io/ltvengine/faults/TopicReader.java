package io.ltvengine.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning as a downstream tool would: only committed records
 * (read_committed), every partition, without a consumer group.
 */
public final class TopicReader<V> implements AutoCloseable {

  private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaConsumer<String, V> consumer;
  private final List<TopicPartition> partitions;

  /** {@code client} holds at least {@code bootstrap.servers}, and security settings if any. */
  public TopicReader(Map<String, Object> client, String topic, Deserializer<V> values) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
    // The engine creates its topics at start-up; a reader started before must not create them.
    await().atMost(TOPIC_TIMEOUT).until(() -> consumer.listTopics().containsKey(topic));
    this.partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Hands {@code sink} every record committed up to now, in order per partition. */
  public void catchUp(Consumer<ConsumerRecord<String, V>> sink, Duration timeout) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    await().atMost(timeout).until(() -> {
      consumer.poll(Duration.ofMillis(200)).forEach(sink);
      return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    });
  }

  /** Hands {@code sink} whatever one poll returns. */
  public void poll(Consumer<ConsumerRecord<String, V>> sink) {
    consumer.poll(Duration.ofMillis(200)).forEach(sink);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
