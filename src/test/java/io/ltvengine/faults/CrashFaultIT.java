package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import io.ltvengine.streams.RegistryAvroSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as a child process, killed with SIGKILL three times while it works through a large
 * order history (margins, USD orders, late and re-stamped events, refunds, cancellations), and
 * started again each time on its own state directory. Exactly-once must leave every customer's
 * latest record as if nothing had happened, field by field, and each quiet episode alerted once. {@code -Dfaults.crash.orders} sets the size.
 */
class CrashFaultIT {

  private static final int ORDERS = Integer.getInteger("faults.crash.orders", 200_000);
  private static final int KILLS = 3;
  private static final String APPLICATION_ID = "crash-fault-it";
  private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(ORDERS / 1000 + 120);

  @RegisterExtension
  final FaultCluster cluster = new FaultCluster();
  private EngineProcess engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void shouldCountEveryOrderOnceAndRepeatNoAlertAfterThreeKills(@TempDir Path work) throws Exception {
    // Given an order history with refunds and resent duplicates, waiting on the orders topic
    Map<String, Object> client = cluster.client();
    RegistryAvroSerdes serdes = new RegistryAvroSerdes(Map.of("schema.registry.url", cluster.registryUrl()));
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 42);
    Map<String, String> settings = FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID);
    settings.put("state.dir", work.resolve("state").toString());
    Path log = work.resolve("engine.log");

    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      OrderSender.send(client, "orders", serdes.valueSerde(Order.class).serializer(), history);
      long total = Offsets.end(admin, "orders");

      // When the engine is killed without warning at a quarter, half and three quarters of the way
      engine = EngineProcess.start(List.of(), EngineProcess.arguments(settings), Map.of(), log);
      int kills = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        long threshold = total * kill / (KILLS + 1);
        await().atMost(PROGRESS_TIMEOUT).pollInterval(Duration.ofMillis(200))
            .until(() -> Offsets.committed(admin, APPLICATION_ID, "orders") >= threshold);
        assertThat(engine.isAlive()).as("engine alive before kill " + kill).isTrue();
        engine.kill();
        kills++;
        engine = EngineProcess.start(List.of(), EngineProcess.arguments(settings), Map.of(), log);
      }
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", PROGRESS_TIMEOUT);

      // Then every customer's latest value is the recomputed one, and no alert was sent twice
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
      try (TopicReader<CustomerLtv> ltv =
              new TopicReader<>(client, "customer-ltv", serdes.valueSerde(CustomerLtv.class).deserializer());
          TopicReader<ChurnAlert> alerts =
              new TopicReader<>(client, "churn-alerts", serdes.valueSerde(ChurnAlert.class).deserializer())) {
        LtvCheck.assertLatestTotals(ltv, expected);
        int episodes = LtvCheck.assertAlertSequences(alerts);
        assertThat(episodes).as("quiet episodes alerted").isPositive();
        System.out.printf("CrashFaultIT: %d orders, %d kills, %d customers checked field by field, %d alert episodes%n",
            total, kills, expected.size(), episodes);
      }
      assertThat(kills).isEqualTo(KILLS);
    }
  }
}
