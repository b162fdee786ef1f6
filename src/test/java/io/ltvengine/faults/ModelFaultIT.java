package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.streams.StoreNames;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A refit publishes parameters the model cannot score with (BG/NBD with a = 1) while orders flow:
 * the engine refuses them and goes on scoring with the previous version, dead-lettering nothing.
 */
class ModelFaultIT {

  private static final int ORDERS = 3_000;
  private static final String APPLICATION_ID = "model-fault-it";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Map<String, Double> CDNOW_BGNBD = Map.of("r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426);
  /** a = 1, where the expected purchases of equation (10) divide by zero. */
  private static final Map<String, Double> POISON = Map.of("r", 0.5, "alpha", 1.0, "a", 1.0, "b", 2.0);

  @RegisterExtension
  final FaultCluster cluster = new FaultCluster();
  private LtvApplication engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void shouldKeepScoringWithThePreviousModelWhenARefitPublishesOneThatCannotScore() throws Exception {
    // Given an engine scoring with a published BG/NBD fit while the first half of the orders arrives
    Map<String, Object> client = cluster.client();
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 53);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      engine = FaultSettings.startInProcess(
          FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID));
      publish(client, model(1, CDNOW_BGNBD));
      await().atMost(TIMEOUT).until(() -> publishedVersion() == 1L);
      OrderSender.send(client, "orders", engine.topics().orders().valueSerde().serializer(), history.subList(0, ORDERS / 2));
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);

      // When a poisonous refit is published mid-stream, and the second half arrives
      publish(client, model(2, POISON));
      OrderSender.send(client, "orders", engine.topics().orders().valueSerde().serializer(),
          history.subList(ORDERS / 2, ORDERS));
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);

      // Then every customer's latest record is scored with version 1, and nothing was dead-lettered
      Map<String, Long> versions = new HashMap<>();
      try (TopicReader<CustomerLtv> ltv = new TopicReader<>(
          client, "customer-ltv", engine.topics().customerLtv().valueSerde().deserializer())) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
          ltv.poll(r -> versions.put(r.key(), r.value().getModelVersion()));
          assertThat(versions).as("customers with an LTV record").hasSizeGreaterThanOrEqualTo(CustomerTotals.recompute(history).size());
        });
      }
      assertThat(versions.values()).as("model versions of the latest records").containsOnly(1L);
      assertThat(Offsets.end(admin, "orders-dlq")).as("dead letters").isZero();
      assertThat(publishedVersion()).as("model version in the engine's store").isEqualTo(1L);
      System.out.printf("ModelFaultIT: %d orders, %d customers scored with version 1 after a poisonous version 2%n",
          ORDERS, versions.size());
    }
  }

  private static LtvModel model(long version, Map<String, Double> parameters) {
    return LtvModel.newBuilder()
        .setModel("bgnbd")
        .setVersion(version)
        .setFittedAt(Instant.now())
        .setTimeUnitDays(7)
        .setParameters(parameters)
        .setSpendParameters(Map.of("p", 6.25, "q", 3.74, "gamma", 15.44))
        .setCustomers(2357)
        .build();
  }

  /** The version in the engine's global model store; -1 while there is none. */
  private long publishedVersion() {
    try {
      LtvModel model = engine.streams()
          .store(StoreQueryParameters.fromNameAndType(StoreNames.MODEL, QueryableStoreTypes.<String, LtvModel>keyValueStore()))
          .get("bgnbd");
      return model == null ? -1 : model.getVersion();
    } catch (InvalidStateStoreException notYet) {
      return -1;
    }
  }

  private void publish(Map<String, Object> client, LtvModel model) {
    try (KafkaProducer<String, LtvModel> producer = new KafkaProducer<>(
        client, new StringSerializer(), engine.topics().model().valueSerde().serializer())) {
      producer.send(new ProducerRecord<>("ltv-model", model.getModel(), model));
      producer.flush();
    }
  }
}
