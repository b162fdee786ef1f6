package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.avro.Order;
import io.ltvengine.streams.RegistryAvroSerdes;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances, each holding a standby copy of the other's tasks (the default); one is killed
 * with SIGKILL. Until the group notices, then while it rebalances and the survivor takes over,
 * the survivor answers for every customer, the dead owner's from its standby copy, with the
 * right figures and the copy's lag in a header: never a 503.
 */
class StandbyQueryFaultIT {

  private static final int ORDERS = 4_000;
  private static final String APPLICATION_ID = "standby-query-fault-it";
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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
  void shouldAnswerEveryCustomerFromAStandbyWhileTheirOwnerIsGoneAndTheGroupRebalances(@TempDir Path work)
      throws Exception {
    // Given two instances done with an order history, the survivor's copies of every customer,
    // its standbys included, up to date, and the victim owning some of them
    Map<String, Object> client = cluster.client();
    RegistryAvroSerdes serdes = new RegistryAvroSerdes(Map.of("schema.registry.url", cluster.registryUrl()));
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 31);
    Map<String, CustomerTotals> expected = CustomerTotals.recompute(history);
    int survivorPort = freePort();
    int victimPort = freePort();
    try (Admin admin = Admin.create(client)) {
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      OrderSender.send(client, "orders", serdes.valueSerde(Order.class).serializer(), history);
      survivor = start(work, "survivor", survivorPort);
      victim = start(work, "victim", victimPort);
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
          .until(() -> status(survivorPort, "/ready") == 200 && status(victimPort, "/ready") == 200
              && new Round(survivorPort, "?local=true&stale=true").ask(expected).wrong().isEmpty());
      assertThat(get(victimPort, "/api/audiences?local=true").body()).as("the victim's own customers").contains("customers");

      // When the victim is killed, and the survivor is asked for every customer, round after round,
      // until it answers for all of them from its own active copies
      victim.kill();
      victim = null;
      List<Round> rounds = new ArrayList<>();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      do {
        rounds.add(new Round(survivorPort, "").ask(expected));
      } while (!rounds.get(rounds.size() - 1).allActive(expected.size()) && System.nanoTime() < deadline);

      // Then no customer was ever refused or wrong, and the dead owner's were answered from the standby
      assertThat(rounds).flatExtracting(Round::wrong).as("customers answered other than 200 with the right figures").isEmpty();
      assertThat(rounds.get(0).copies()).as("copies that answered the first round after the kill").containsKey("standby");
      assertThat(rounds.get(rounds.size() - 1).allActive(expected.size())).as("the survivor owns every customer at the end").isTrue();
      System.out.printf("StandbyQueryFaultIT: %d customers asked in %d rounds after a SIGKILL, none refused; copies by round: %s;"
          + " answers while /ready was 503 (rebalancing): %d%n", expected.size(), rounds.size(),
          rounds.stream().map(Round::copies).toList(), rounds.stream().mapToInt(Round::whileNotReady).sum());
    }
  }

  /** One round of asking the survivor for every customer. */
  private record Round(int port, String query, Map<String, Integer> copies, List<String> wrong, int[] notReady) {

    Round(int port, String query) {
      this(port, query, new TreeMap<>(), new ArrayList<>(), new int[1]);
    }

    Round ask(Map<String, CustomerTotals> expected) throws Exception {
      for (Map.Entry<String, CustomerTotals> customer : expected.entrySet()) {
        boolean ready = status(port, "/ready") == 200;
        String path = "/api/customers/" + URLEncoder.encode(customer.getKey(), StandardCharsets.UTF_8) + query;
        HttpResponse<String> response = get(port, path);
        if (response.statusCode() != 200) {
          wrong.add(customer.getKey() + ": " + response.statusCode() + " " + response.body());
          continue;
        }
        JsonNode body = JSON.readTree(response.body());
        if (body.get("orders").asInt() != customer.getValue().orders()
            || body.get("netRevenueMinor").asLong() != customer.getValue().netRevenueMinor()) {
          wrong.add(customer.getKey() + ": " + body.get("orders") + " orders, " + body.get("netRevenueMinor") + " net");
        }
        copies.merge(response.headers().firstValue("X-LTV-Copy").orElse("none"), 1, Integer::sum);
        notReady[0] += ready ? 0 : 1;
      }
      return this;
    }

    boolean allActive(int customers) {
      return copies.equals(Map.of("active", customers));
    }

    int whileNotReady() {
      return notReady[0];
    }
  }

  private EngineProcess start(Path work, String name, int port) {
    Map<String, String> settings = FaultSettings.engine(cluster.bootstrapServers(), cluster.registryUrl(), APPLICATION_ID);
    settings.put("state.dir", work.resolve(name + "-state").toString());
    settings.put("http.port", String.valueOf(port));
    settings.put("http.advertised.host", "127.0.0.1");
    settings.put("http.bind.address", "127.0.0.1");
    return EngineProcess.start(List.of(), EngineProcess.arguments(settings), Map.of(), work.resolve(name + ".log"));
  }

  private static int status(int port, String path) {
    try {
      return get(port, path).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
