package io.ltvengine.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.avro.Order;
import io.ltvengine.config.LtvConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * The query API of two engine instances sharing one cluster, at each customer count: once both
 * have taken in the orders and their ranking walks have sketched every customer, concurrent
 * clients ask for single customers, audience pages, the audience counts and the segment report.
 */
public final class ApiBenchmark {

  /**
   * @param customerCounts the sizes measured, each from a fresh topic and fresh state
   * @param clients concurrent clients, a third on each endpoint under load
   */
  public record Options(List<Integer> customerCounts, int clients, Duration duration, int partitions) {}

  /**
   * One size: how long the two instances took to take in its orders, then to have every customer
   * in the sketches of a complete ranking walk, and the latencies.
   */
  public record SizeResult(
      int customers, long orders, Duration ingest, Duration ranked, List<ApiLoad.Latency> latencies) {}

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration EVENT_SPAN = Duration.ofDays(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchKafka kafka;
  private final Options options;
  private final PrintStream progress;
  private final Path workDir;

  private ApiBenchmark(BenchKafka kafka, Options options, PrintStream progress, Path workDir) {
    this.kafka = kafka;
    this.options = options;
    this.progress = progress;
    this.workDir = workDir;
  }

  public static List<SizeResult> run(String bootstrapServers, Options options, PrintStream progress) throws Exception {
    Path workDir = Files.createTempDirectory("ltv-api-bench-");
    try (BenchKafka kafka = new BenchKafka(bootstrapServers)) {
      ApiBenchmark benchmark = new ApiBenchmark(kafka, options, progress, workDir);
      List<SizeResult> results = new ArrayList<>();
      for (int customers : options.customerCounts()) {
        results.add(benchmark.size(customers));
      }
      return results;
    } finally {
      Utils.delete(workDir.toFile());
    }
  }

  private SizeResult size(int customers) throws Exception {
    String name = "api-" + customers;
    String topic = name + "-orders";
    long orders = preload(topic, customers);
    Map<TopicPartition, Long> end = kafka.endOffsets(topic);
    progress.printf("%,d customers (%,d orders): two instances take them in...%n", customers, orders);
    long start = System.nanoTime();
    List<Integer> ports = List.of(freePort(), freePort());
    try (EngineRun first = instance(name, topic, ports.get(0), "a");
        EngineRun second = instance(name, topic, ports.get(1), "b")) {
      awaitIngested(first.applicationId(), end, ports);
      Duration ingest = Duration.ofNanos(System.nanoTime() - start);
      progress.printf("  in %s; ranking walks over every customer...%n", ingest);
      long rankStart = System.nanoTime();
      awaitRanked(ports.get(0), customers);
      Duration ranked = Duration.ofNanos(System.nanoTime() - rankStart);
      progress.printf("  in %s; %d clients for %s...%n", ranked, options.clients(), options.duration());
      List<ApiLoad.Latency> latencies = ApiLoad.run(targets(customers), ports, options.duration());
      return new SizeResult(customers, orders, ingest, ranked, latencies);
    }
  }

  private List<ApiLoad.Target> targets(int customers) {
    int each = Math.max(1, options.clients() / 4);
    return List.of(
        new ApiLoad.Target("customer", each, random -> "/api/customers/" + BenchOrders.customerId(random.nextInt(customers))),
        new ApiLoad.Target("audience page (100)", each, random -> "/api/customers?segment=ACTIVE&limit=100&cursor="
            + BenchOrders.customerId(random.nextInt(customers))),
        new ApiLoad.Target("audience counts", each, random -> "/api/audiences"),
        new ApiLoad.Target("segment report", each, random -> "/api/segments"));
  }

  /** Two purchases from two customers in three, one from the third: active and new audiences. */
  private long preload(String topic, int customers) throws Exception {
    kafka.createTopic(topic, options.partitions());
    BenchOrders generator = new BenchOrders(42, customers);
    Instant end = Instant.now();
    long total = 2L * customers - (customers + 2) / 3;
    long sent = 0;
    try (KafkaProducer<String, Order> producer = kafka.orderProducer(20)) {
      for (int round = 0; round < 2; round++) {
        for (int customer = 0; customer < customers; customer++) {
          if (round == 1 && customer % 3 == 0) {
            continue;
          }
          Order order = generator.purchaseBy(customer, BenchOrders.spread(end, EVENT_SPAN, sent++, total));
          producer.send(new ProducerRecord<>(topic, order.getCustomerId(), order));
        }
      }
      producer.flush();
    }
    return sent;
  }

  private EngineRun instance(String name, String topic, int port, String instance) throws Exception {
    Path stateDir = Files.createDirectories(workDir.resolve(name + "-" + instance));
    return new EngineRun(kafka, new RunSpec(name, "exactly_once_v2", stateDir), topic, options.partitions(), Map.of(
        LtvConfig.HTTP_PORT, String.valueOf(port),
        LtvConfig.HTTP_BIND_ADDRESS, "127.0.0.1",
        LtvConfig.HTTP_ADVERTISED_HOST, "127.0.0.1",
        LtvConfig.HTTP_MAX_QUEUED_QUERIES, String.valueOf(2 * options.clients())))
        .start();
  }

  private void awaitIngested(String applicationId, Map<TopicPartition, Long> end, List<Integer> ports)
      throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!kafka.committedUpTo(applicationId, end) || !ready(ports.get(0)) || !ready(ports.get(1))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The instances did not take in the orders within " + READY_TIMEOUT);
      }
      Thread.sleep(500);
    }
  }

  /** Until the segment report's sketches hold every customer: each task has walked them all. */
  private void awaitRanked(int port, int customers) throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (rankedCustomers(port) < customers) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The ranking walks did not reach every customer within " + READY_TIMEOUT);
      }
      Thread.sleep(500);
    }
  }

  private static long rankedCustomers(int port) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/segments")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()).path("ranking").path("customers").asLong() : 0;
  }

  private static boolean ready(int port) {
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
