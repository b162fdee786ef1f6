package io.ltvengine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.ChurnEventType;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.Network;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The engine end to end against a real broker: Avro orders in through the registry, LTV updates,
 * churn alerts and dead letters out, and state restored from changelogs after a restart.
 */
@RequiresDocker
class LtvApplicationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final Instant NOW = Instant.now();

  private static Network network;
  private static KafkaContainer kafka;
  private static SchemaRegistryUnderTest registry;

  @TempDir Path stateRoot;

  @BeforeAll
  static void startInfrastructure() {
    network = Network.newNetwork();
    kafka = new KafkaContainer(TestImages.kafka()).withNetwork(network).withNetworkAliases("kafka");
    kafka.start();
    registry = SchemaRegistryUnderTest.start(network, "kafka:9093");
    System.out.println("Schema registry under test: " + registry.kind());
  }

  @AfterAll
  static void stopInfrastructure() {
    registry.close();
    kafka.stop();
    network.close();
  }

  @Test
  void shouldTurnOrdersIntoValueAlertsAndDeadLettersAndSurviveARestart() throws Exception {
    String applicationId = "ltv-it-" + UUID.randomUUID();
    Serde<Order> orderSerde = serdes().valueSerde(Order.class);
    try (KafkaProducer<String, byte[]> producer = producer();
        TopicReader<String, CustomerLtv> ltv = reader("customer-ltv", CustomerLtv.class);
        TopicReader<String, ChurnAlert> alerts = reader("churn-alerts", ChurnAlert.class);
        TopicReader<byte[], byte[]> deadLetters =
            new TopicReader<>(kafka.getBootstrapServers(), "orders-dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer())) {

      // Given a customer who went quiet 80 days ago, a new one, and bad records mixed in, all
      // written before the engine starts, as a backlog it works through in one go
      createOrdersTopic();
      Order first = order("c1", "o1", NOW.minus(Duration.ofDays(100)), 1_000, OrderType.PURCHASE);
      send(producer, orderSerde, first);
      send(producer, orderSerde, first);
      send(producer, orderSerde, order("c1", "o2", NOW.minus(Duration.ofDays(90)), 1_000, OrderType.PURCHASE));
      send(producer, orderSerde, order("c1", "o2", NOW.minus(Duration.ofDays(89)), 500, OrderType.REFUND));
      send(producer, orderSerde, order("c1", "o3", NOW.minus(Duration.ofDays(80)), 1_000, OrderType.PURCHASE));
      send(producer, orderSerde, order("c2", "p1", NOW.minus(Duration.ofDays(1)), 4_200, OrderType.PURCHASE));
      send(producer, orderSerde, order("c3", "bad", NOW, -5, OrderType.PURCHASE));
      producer.send(new ProducerRecord<>("orders", "c4", "garbage".getBytes(StandardCharsets.UTF_8))).get();
      producer.send(new ProducerRecord<>("orders", "c5", unknownSchemaId())).get();

      // When the engine runs
      try (LtvApplication application = start(applicationId, "first")) {
        // Then the value, one alert and the dead letters come out, committed
        await().atMost(TIMEOUT).untilAsserted(() -> {
          assertThat(latest(ltv, "c1")).satisfies(c1 -> {
            assertThat(c1.getOrders()).isEqualTo(3);
            assertThat(c1.getRefunds()).isEqualTo(1);
            assertThat(c1.getNetRevenueMinor()).isEqualTo(2_500);
          });
          assertThat(latest(ltv, "c2").getNetRevenueMinor()).isEqualTo(4_200);
        });
        await().atMost(TIMEOUT).until(() -> !alerts.values().isEmpty());
        await().atMost(TIMEOUT).until(() -> deadLetters.poll().size() == 3);
        assertThat(deadLetters.poll()).extracting(r -> header(r, "ltv.dlq.reason"))
            .containsExactlyInAnyOrder("negative-amount", "unknown-magic-byte", "unknown-schema-id");
      }
      List<ChurnAlert> alertsBefore = alerts.values();
      assertThat(alertsBefore).extracting(ChurnAlert::getCustomerId).containsExactly("c1");

      // When the engine restarts on an empty disk, restoring its state from the changelogs
      try (LtvApplication application = start(applicationId, "second")) {
        send(producer, orderSerde, order("c1", "o4", NOW, 1_000, OrderType.PURCHASE));

        // Then nothing was lost or counted twice, and the customer's return is noticed
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(latest(ltv, "c1").getOrders()).isEqualTo(4));
        assertThat(latest(ltv, "c1").getNetRevenueMinor()).isEqualTo(3_500);
        await().atMost(TIMEOUT).until(() -> alerts.values().size() == 2);
        ChurnAlert reactivated = alerts.values().get(1);
        assertThat(reactivated.getType()).isEqualTo(ChurnEventType.REACTIVATED);
        assertThat(reactivated.getAlertId()).isEqualTo(alertsBefore.get(0).getAlertId());
      }
    }
  }

  private LtvApplication start(String applicationId, String stateDir) throws Exception {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", kafka.getBootstrapServers());
    properties.put("schema.registry.url", registry.url());
    properties.put("application.id", applicationId);
    properties.put("state.dir", Files.createDirectories(stateRoot.resolve(stateDir)).toString());
    properties.put("commit.interval.ms", "100");
    properties.put("churn.check.interval.seconds", "1");
    properties.put("topics.partitions", "3");
    LtvConfig config = new LtvConfig(properties);
    LtvApplication application = new LtvApplication(config, config.defaultClock(), new SimpleMeterRegistry());
    application.start();
    return application;
  }

  /** Order times reach 100 days back: the default seven-day retention would delete them. */
  private static void createOrdersTopic() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.getBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1)
          .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
    }
  }

  private static RegistryAvroSerdes serdes() {
    return new RegistryAvroSerdes(Map.of("schema.registry.url", registry.url()));
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> TopicReader<String, V> reader(
      String topic, Class<V> type) {
    return new TopicReader<>(
        kafka.getBootstrapServers(), topic, new StringDeserializer(), serdes().valueSerde(type).deserializer());
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, Serde<Order> serde, Order order) throws Exception {
    byte[] value = serde.serializer().serialize("orders", order);
    producer.send(new ProducerRecord<>("orders", null, order.getEventTime().toEpochMilli(), order.getCustomerId(), value)).get();
  }

  private static Order order(String customer, String orderId, Instant at, long amount, OrderType type) {
    return Order.newBuilder()
        .setOrderId(orderId)
        .setCustomerId(customer)
        .setEventTime(at)
        .setType(type)
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .setLineItems(type == OrderType.PURCHASE ? List.of(new LineItem("sku", "books", 1, amount)) : List.of())
        .setChannel(SalesChannel.WEB)
        .build();
  }

  private static byte[] unknownSchemaId() {
    return ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(1).array();
  }

  private static CustomerLtv latest(TopicReader<String, CustomerLtv> ltv, String customerId) {
    List<CustomerLtv> updates =
        ltv.poll().stream().filter(r -> customerId.equals(r.key())).map(ConsumerRecord::value).toList();
    assertThat(updates).as("updates of " + customerId).isNotEmpty();
    return updates.get(updates.size() - 1);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
