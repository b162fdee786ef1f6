package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.Order;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.ltvengine.streams.StoreNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy as operators do it: SIGTERM to {@code ltv run}, then a start on the same state
 * directory. The engine must close Kafka Streams before the JVM goes, so that its stores hold the
 * changelog offsets they reached and the restart restores nothing of them: an unclean stop under
 * exactly-once restores every persistent store from its changelog.
 */
class ShutdownFaultIT {

  private static final int ORDERS = 20_000;
  private static final String APPLICATION_ID = "shutdown-fault-it";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  /** The stores on disk, whose restoration a checkpoint spares; in-memory ones always restore. */
  private static final Set<String> PERSISTENT_STORES =
      Set.of(StoreNames.CUSTOMER_STATE, StoreNames.CHURN_INDEX, StoreNames.COHORT_AGGREGATES);

  @RegisterExtension
  final FaultCluster cluster = new FaultCluster();
  private LtvApplication restarted;

  @AfterEach
  void stop() {
    if (restarted != null) {
      restarted.close();
    }
  }

  @Test
  void shouldCloseCleanlyOnSigtermSoThatARestartRestoresNothingBeyondTheCheckpoints(@TempDir Path work)
      throws Exception {
    // Given an engine that has processed an order history
    Map<String, Object> client = cluster.client();
    RegistryAvroSerdes serdes = new RegistryAvroSerdes(Map.of("schema.registry.url", cluster.registryUrl()));
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 7);
    Map<String, String> settings = FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID);
    Path stateDir = work.resolve("state");
    settings.put("state.dir", stateDir.toString());
    Path log = work.resolve("engine.log");
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      OrderSender.send(client, "orders", serdes.valueSerde(Order.class).serializer(), history);
      EngineProcess engine = EngineProcess.start(List.of(), EngineProcess.arguments(settings), Map.of(), log);
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);

      // When it gets SIGTERM
      engine.close();

      // Then it closed Kafka Streams before exiting (the stores keep their changelog offsets)
      assertThat(Files.readString(log)).as("the engine's log").contains("PENDING_SHUTDOWN -> NOT_RUNNING");

      // And a restart on the same state restores nothing of its persistent stores
      RestoreCount restored = new RestoreCount();
      LtvConfig config = new LtvConfig(settings);
      restarted = new LtvApplication(config, config.defaultClock(), new SimpleMeterRegistry());
      restarted.streams().setGlobalStateRestoreListener(restored);
      restarted.start();
      await().atMost(TIMEOUT).until(() -> restarted.streams().state() == KafkaStreams.State.RUNNING);
      assertThat(restored.persistent()).as("records restored into persistent stores after SIGTERM").isZero();
      System.out.printf("ShutdownFaultIT: %d orders; after SIGTERM and restart %d records restored into "
          + "persistent stores, %d into in-memory ones%n", ORDERS, restored.persistent(), restored.inMemory());
    }
  }

  /** Records restored per kind of store. */
  private static final class RestoreCount implements StateRestoreListener {

    private final Map<Boolean, AtomicLong> byPersistence = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long start, long end) {}

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long restored) {
      byPersistence.computeIfAbsent(PERSISTENT_STORES.contains(store), k -> new AtomicLong()).addAndGet(restored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long total) {}

    long persistent() {
      return byPersistence.getOrDefault(true, new AtomicLong()).get();
    }

    long inMemory() {
      return byPersistence.getOrDefault(false, new AtomicLong()).get();
    }
  }
}
