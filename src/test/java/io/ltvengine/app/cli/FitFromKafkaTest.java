package io.ltvengine.app.cli;

import io.ltvengine.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.tools.demo.EmbeddedKafkaBroker;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.model.data.InputFormat;
import io.ltvengine.model.data.Transaction;
import io.ltvengine.model.data.TransactionReader;
import io.ltvengine.registry.MockSchemaRegistry;
import io.ltvengine.streams.RegistryAvroSerdes;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refitting on live data: the CDNOW history as order events on a real (embedded) broker. */
class FitFromKafkaTest {

  private static final String REGISTRY = "mock://fit-from-kafka";
  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
    MockSchemaRegistry.dropScope("fit-from-kafka");
  }

  @Test
  void shouldFitTheOrderTopicAndPublishTheParametersForRunningEngines() throws Exception {
    // Given the CDNOW sample as purchase events on the orders topic
    produceCdnowOrders();

    // When fit reads the topic and publishes
    CliRun run =
        CliRun.of(
            "fit", "--from-topic", "orders", "--bootstrap-servers", broker.bootstrapServers(),
            "--schema-registry-url", REGISTRY, "--calibration-end", "1997-09-30",
            "--time-unit", "weeks", "--publish");

    // Then it finds the published CDNOW estimates and every purchase model lands on the model topic
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("customers").asLong()).isEqualTo(2357);
    assertThat(report.at("/bgnbd/r").asDouble()).isCloseTo(0.2426, within(0.0025));
    assertThat(report.at("/bgnbd/b").asDouble()).isCloseTo(2.4259, within(0.025));
    assertThat(readModels()).extracting(LtvModel::getModel)
        .containsExactlyInAnyOrder("bgnbd", "pareto-nbd", "mbgnbd");
  }

  private static void produceCdnowOrders() throws Exception {
    List<Transaction> transactions;
    try (BufferedReader reader = Files.newBufferedReader(Path.of(CliRun.cdnowSample()))) {
      transactions = TransactionReader.read(reader, InputFormat.CDNOW);
    }
    var serializer = new RegistryAvroSerdes(Map.of("schema.registry.url", REGISTRY)).valueSerde(Order.class).serializer();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
            new StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (int i = 0; i < transactions.size(); i++) {
        Transaction t = transactions.get(i);
        Order order =
            Order.newBuilder()
                .setOrderId("order-" + i)
                .setCustomerId(t.customerId())
                .setEventTime(t.date().atStartOfDay(ZoneOffset.UTC).toInstant())
                .setType(OrderType.PURCHASE)
                .setAmountMinor(Math.round(t.amount() * 100))
                .setCurrency("USD")
                .build();
        producer.send(new ProducerRecord<>("orders", t.customerId(), serializer.serialize("orders", order)));
      }
    }
  }

  private static List<LtvModel> readModels() {
    var deserializer = new RegistryAvroSerdes(Map.of("schema.registry.url", REGISTRY)).valueSerde(LtvModel.class).deserializer();
    List<LtvModel> models = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fit-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      consumer.subscribe(List.of("ltv-model"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (models.size() < 3 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          models.add(deserializer.deserialize("ltv-model", record.value()));
        }
      }
    }
    return models;
  }
}
