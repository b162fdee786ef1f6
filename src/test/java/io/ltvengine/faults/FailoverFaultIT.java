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
 * Two instances under exactly-once share an order history; one is killed with SIGKILL while both
 * process. The survivor takes over its partitions, and every customer's value ends as if nothing
 * had happened, with no alert sent twice.
 */
class FailoverFaultIT {

  private static final int ORDERS = 60_000;
  private static final String APPLICATION_ID = "failover-fault-it";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @RegisterExtension
  final FaultCluster cluster = new FaultCluster();
  private EngineProcess survivor;
  private EngineProcess victim;

  @AfterEach
  void stop() {
    for (EngineProcess engine : new EngineProcess[] {victim, survivor}) {
      if (engine != null) {
        engine.close();
      }
    }
  }

  @Test
  void shouldLeaveEveryCustomerAsIfNothingHappenedWhenOneOfTwoInstancesIsKilled(@TempDir Path work) throws Exception {
    // Given two instances working through an order history
    Map<String, Object> client = cluster.client();
    RegistryAvroSerdes serdes = new RegistryAvroSerdes(Map.of("schema.registry.url", cluster.registryUrl()));
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 23);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      OrderSender.send(client, "orders", serdes.valueSerde(Order.class).serializer(), history);
      long total = Offsets.end(admin, "orders");
      survivor = start(work, "survivor");
      victim = start(work, "victim");

      // When one is killed without warning a third of the way through
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
          .until(() -> Offsets.committed(admin, APPLICATION_ID, "orders") >= total / 3);
      assertThat(victim.isAlive()).as("the instance about to be killed").isTrue();
      victim.kill();
      victim = null;
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);

      // Then every customer's latest value is the recomputed one, and no alert was sent twice
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
      try (TopicReader<CustomerLtv> ltv =
              new TopicReader<>(client, "customer-ltv", serdes.valueSerde(CustomerLtv.class).deserializer());
          TopicReader<ChurnAlert> alerts =
              new TopicReader<>(client, "churn-alerts", serdes.valueSerde(ChurnAlert.class).deserializer())) {
        LtvCheck.assertLatestTotals(ltv, expected);
        LtvCheck.assertAlertSequences(alerts);
      }
      assertThat(survivor.isAlive()).as("the survivor").isTrue();
      System.out.printf("FailoverFaultIT: %d orders, one of two instances killed, %d customers checked%n",
          total, expected.size());
    }
  }

  private EngineProcess start(Path work, String name) {
    Map<String, String> settings = FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID);
    settings.put("state.dir", work.resolve(name + "-state").toString());
    return EngineProcess.start(List.of(), EngineProcess.arguments(settings), Map.of(), work.resolve(name + ".log"));
  }
}
