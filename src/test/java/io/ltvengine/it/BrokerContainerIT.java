package io.ltvengine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The broker image of the integration tests ({@code -Dkafka.image}) supports what the engine relies on:
 * exactly-once processing needs transactions that commit, abort, and stay invisible to read_committed
 * consumers until committed.
 */
@RequiresDocker
class BrokerContainerIT {

  private static final KafkaContainer BROKER = new KafkaContainer(TestImages.kafka());
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @BeforeAll
  static void startBroker() {
    BROKER.start();
  }

  @AfterAll
  static void stopBroker() {
    BROKER.stop();
  }

  @Test
  void shouldShowOnlyCommittedTransactionsToReadCommittedConsumer() throws Exception {
    // Given
    String topic = "broker-it-orders";
    createTopic(topic);

    // When
    try (KafkaProducer<String, String> producer = transactionalProducer("broker-it")) {
      producer.initTransactions();
      sendInTransaction(producer, topic, "order-1", "order-2");
      producer.commitTransaction();
      sendInTransaction(producer, topic, "aborted-order");
      producer.abortTransaction();
      sendInTransaction(producer, topic, "order-3");
      producer.commitTransaction();
    }

    // Then
    assertThat(readCommittedUntil(topic, "order-3")).containsExactly("order-1", "order-2", "order-3");
  }

  private static void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis()),
        new StringSerializer(), new StringSerializer());
  }

  private static void sendInTransaction(
      KafkaProducer<String, String> producer, String topic, String... values) {
    producer.beginTransaction();
    for (String value : values) {
      producer.send(new ProducerRecord<>(topic, value, value));
    }
  }

  // The topic has one partition, so once the last value arrives every visible value before it has too.
  private static List<String> readCommittedUntil(String topic, String lastValue) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      await().atMost(TIMEOUT).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
        return values.contains(lastValue);
      });
    }
    return values;
  }
}
