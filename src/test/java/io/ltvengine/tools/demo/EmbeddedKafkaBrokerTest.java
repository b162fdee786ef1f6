package io.ltvengine.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void shouldDeliverCommittedTransactionToReadCommittedConsumer() throws Exception {
    // Given a topic on the embedded broker
    String topic = "tx-orders";
    try (Admin admin = Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }

    // When a transactional producer commits two records and aborts a third
    try (KafkaProducer<String, String> producer = transactionalProducer()) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c1", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "c2", "committed-2"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "c3", "aborted"));
      producer.abortTransaction();
    }

    // Then a read_committed consumer sees exactly the committed records
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = readCommittedConsumer()) {
      consumer.subscribe(Set.of(topic));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        return values.size() >= 2;
      });
      consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
    }
    assertThat(values).containsExactlyInAnyOrder("committed-1", "committed-2");
  }

  @Test
  void shouldAcceptRecordsDatedYearsAhead() throws Exception {
    // Given a record stamped ten years ahead, as compressed shop time and bad feeds produce
    long tenYearsAhead = Instant.now().plus(Duration.ofDays(3650)).toEpochMilli();
    ProducerRecord<String, String> record =
        new ProducerRecord<>("future-orders", null, tenYearsAhead, "c1", "order");

    // When it is sent
    RecordMetadata metadata;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringSerializer(), new StringSerializer())) {
      metadata = producer.send(record).get();
    }

    // Then the broker stores it with its own timestamp
    assertThat(metadata.timestamp()).isEqualTo(tenYearsAhead);
  }

  @Test
  void shouldDeleteDataDirectoryOnClose() {
    // Given a second, short-lived broker that has written its data directory
    EmbeddedKafkaBroker shortLived = EmbeddedKafkaBroker.start();
    File dataDir = shortLived.dataDir();
    assertThat(dataDir).isDirectory();

    // When it is closed
    shortLived.close();

    // Then its data is gone
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void shouldServeItsRecordsOnTheSamePortAfterARestart() throws Exception {
    // Given a broker of its own holding one record
    try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start()) {
      String bootstrap = restarted.bootstrapServers();
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "c1", "before-restart")).get();
      }

      // When it is stopped and started again
      restarted.stop();
      restarted.restart();

      // Then it listens where it did and still has the record
      assertThat(restarted.bootstrapServers()).isEqualTo(bootstrap);
      List<String> values = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(Set.of("kept"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
          return !values.isEmpty();
        });
      }
      assertThat(values).containsExactly("before-restart");
    }
  }

  private static KafkaProducer<String, String> transactionalProducer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-broker-test"),
        new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> readCommittedConsumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "embedded-broker-test",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new StringDeserializer());
  }
}
