package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ltvengine.tools.demo.EmbeddedKafkaBroker;
import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down while the engine works through the orders and comes back on the same ports
 * and data; the engine, never restarted, carries on and loses nothing.
 */
class BrokerRestartFaultIT {

  private static final int ORDERS = Integer.getInteger("faults.restart.orders", 60_000);
  private static final String APPLICATION_ID = "broker-restart-fault-it";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private EmbeddedKafkaBroker broker;
  private LtvApplication engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    broker.close();
  }

  @Test
  void shouldRecoverOnItsOwnAndCountEveryOrderOnceWhenTheBrokerRestarts() throws Exception {
    // Given orders waiting on the topic and an engine working through them
    broker = EmbeddedKafkaBroker.start();
    String registry = "mock://broker-restart-" + UUID.randomUUID();
    Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 7);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      engine = FaultSettings.startInProcess(
          FaultSettings.engine(broker.bootstrapServers(), registry, APPLICATION_ID));
      OrderSender.send(client, "orders", engine.topics().orders().valueSerde().serializer(), history);
      long total = Offsets.end(admin, "orders");
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
          .until(() -> Offsets.committed(admin, APPLICATION_ID, "orders") >= total / 3);

      // When the broker stops in the middle of processing and starts again
      broker.stop();
      broker.restart();

      // Then the same engine finishes the work, and every customer's value is the recomputed one
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);
      assertThat(engine.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
      try (TopicReader<CustomerLtv> ltv = new TopicReader<>(
          client, "customer-ltv", engine.topics().customerLtv().valueSerde().deserializer())) {
        LtvCheck.assertLatestTotals(ltv, expected);
      }
      System.out.printf("BrokerRestartFaultIT: %d orders, broker restarted a third of the way, %d customers checked%n",
          total, expected.size());
    }
  }
}
