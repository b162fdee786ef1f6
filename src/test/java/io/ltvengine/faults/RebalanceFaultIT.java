package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.Order;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One of two instances leaves: the survivor takes over its partitions, restores their state from
 * the changelogs, and then answers for every customer with the right figures.
 */
class RebalanceFaultIT {

  private static final int ORDERS = 3_000;
  private static final String APPLICATION_ID = "rebalance-fault-it";
  /** Generous: on a loaded machine a takeover with its restore can take over a minute. */
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  final FaultCluster cluster = new FaultCluster();
  private LtvApplication survivor;
  private LtvApplication leaver;

  @AfterEach
  void stop() {
    for (LtvApplication engine : new LtvApplication[] {leaver, survivor}) {
      if (engine != null) {
        engine.close();
      }
    }
  }

  @Test
  void shouldAnswerForEveryCustomerFromTheSurvivorAfterTheOtherInstanceLeaves() throws Exception {
    // Given two instances sharing the partitions of an order history
    Map<String, Object> client = cluster.client();
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 37);
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      survivor = FaultSettings.startInProcess(instance(cluster.bootstrapServers(), cluster.registryUrl()));
      leaver = FaultSettings.startInProcess(instance(cluster.bootstrapServers(), cluster.registryUrl()));
      await().atMost(TIMEOUT).until(() -> running(survivor) && running(leaver)
          && survivor.streams().metadataForAllStreamsClients().size() == 2);
      assertThat(activeTasks(leaver)).as("tasks of the instance that will leave").isPositive();
      OrderSender.send(client, "orders", survivor.topics().orders().valueSerde().serializer(), history);
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);

      // When one instance closes
      leaver.close();
      leaver = null;

      // Then, once it has taken over, the survivor answers for every customer with the right order count
      Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
      await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(wrongAnswers(expected)).isEmpty());
      assertThat(survivor.streams().metadataForAllStreamsClients()).hasSize(1);
      System.out.printf("RebalanceFaultIT: %d orders, %d customers answered by the survivor%n",
          history.size(), expected.size());
    }
  }

  private static Map<String, String> instance(String bootstrapServers, String registryUrl) throws IOException {
    Map<String, String> settings = FaultSettings.engine(bootstrapServers, registryUrl, APPLICATION_ID);
    settings.put("http.port", String.valueOf(freePort()));
    settings.put("http.advertised.host", "127.0.0.1");
    return settings;
  }

  /** Customers for whom the survivor does not answer 200 with the expected number of orders. */
  private Map<String, String> wrongAnswers(Map<String, CustomerTotals> expected) throws Exception {
    Map<String, String> wrong = new HashMap<>();
    for (Map.Entry<String, CustomerTotals> customer : expected.entrySet()) {
      HttpResponse<String> response = get("/api/customers/" + customer.getKey());
      if (response.statusCode() != 200) {
        wrong.put(customer.getKey(), "status " + response.statusCode());
        continue;
      }
      int orders = JSON.readTree(response.body()).get("orders").asInt();
      if (orders != customer.getValue().orders()) {
        wrong.put(customer.getKey(), orders + " orders instead of " + customer.getValue().orders());
      }
    }
    return wrong;
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + survivor.httpPort() + path);
    return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int activeTasks(LtvApplication application) {
    return application.streams().metadataForLocalThreads().stream()
        .mapToInt(thread -> thread.activeTasks().size())
        .sum();
  }

  private static boolean running(LtvApplication application) {
    return application.streams().state() == KafkaStreams.State.RUNNING;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
