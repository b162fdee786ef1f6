package io.ltvengine.app.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ltvengine.config.LtvConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.tools.demo.EmbeddedKafkaBroker;
import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.SegmentCell;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.testing.Orders;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances sharing the work on an embedded broker: every endpoint answered by either
 * instance, whichever owns the data. Orders span the last months so cohorts have curves.
 */
class QueryApiIT {

  private static final int CUSTOMERS = 24;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedKafkaBroker broker;
  private static String registry;
  private static LtvApplication instanceA;
  private static LtvApplication instanceB;

  @BeforeAll
  static void startTwoInstancesAndSendOrders() throws Exception {
    broker = EmbeddedKafkaBroker.start();
    registry = "mock://query-api-it-" + UUID.randomUUID();
    String applicationId = "query-api-it";
    instanceA = start(settings(applicationId));
    instanceB = start(settings(applicationId));
    await().atMost(Duration.ofSeconds(90)).until(() -> running(instanceA) && running(instanceB)
        && instanceA.streams().metadataForAllStreamsClients().size() == 2);
    sendOrders(instanceA);
    await().atMost(Duration.ofSeconds(60)).until(() -> segments(instanceA).get("customers").asInt() == CUSTOMERS);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {instanceA, instanceB, broker}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void shouldForwardARequestForACustomerOwnedByTheOtherInstance() throws Exception {
    String ownedByB = customerOwnedBy(instanceB);

    HttpResponse<String> response = get(instanceA, "/api/customers/" + ownedByB);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode customer = JSON.readTree(response.body());
    assertThat(customer.get("customerId").asText()).isEqualTo(ownedByB);
    assertThat(customer.get("orders").asInt()).isPositive();
    assertThat(customer.get("segment").asText()).isNotEmpty();
  }

  @Test
  void shouldAnswer404ForAnUnknownCustomerOnEitherInstance() throws Exception {
    for (LtvApplication instance : List.of(instanceA, instanceB)) {
      HttpResponse<String> response = get(instance, "/api/customers/nobody-" + UUID.randomUUID());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }
  }

  @Test
  void shouldPageThroughEveryCustomerOfBothInstancesInIdOrder() throws Exception {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = json(get(instanceA, "/api/customers?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)));
      page.get("customers").forEach(customer -> ids.add(customer.get("customerId").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);

    assertThat(ids).hasSize(CUSTOMERS).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void shouldPageThroughAnAudienceInSmallPagesAsInOne() throws Exception {
    List<String> inPagesOfThree = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = json(get(instanceB, "/api/customers?risk=HIGH&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)));
      page.get("customers").forEach(customer -> inPagesOfThree.add(customer.get("customerId").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    List<String> inOnePage = new ArrayList<>();
    json(get(instanceA, "/api/customers?risk=HIGH&limit=1000")).get("customers")
        .forEach(customer -> inOnePage.add(customer.get("customerId").asText()));

    assertThat(inOnePage).as("the HIGH risk audience").isNotEmpty();
    assertThat(inPagesOfThree).isSorted().doesNotHaveDuplicates().isEqualTo(inOnePage);
  }

  @Test
  void shouldFilterAudiencesBySegmentAcrossInstances() throws Exception {
    JsonNode page = json(get(instanceB, "/api/customers?segment=LAPSED&limit=1000"));
    long lapsed = segments(instanceA).get("bySegment").get("LAPSED").get("customers").asLong();

    assertThat(page.get("customers")).hasSize((int) lapsed);
    page.get("customers").forEach(c -> assertThat(c.get("segment").asText()).isEqualTo("LAPSED"));
  }

  @Test
  void shouldRejectBadParametersWith400() throws Exception {
    assertThat(get(instanceA, "/api/customers?limit=-1").statusCode()).isEqualTo(400);
    assertThat(get(instanceA, "/api/customers?risk=EXTREME").statusCode()).isEqualTo(400);
  }

  @Test
  void shouldReportSegmentsOfAllCustomersFromEitherInstanceAsTheirValuesAddUp() throws Exception {
    // Given both instances' ranking walks have sketched every customer
    await().atMost(Duration.ofSeconds(30)).until(() -> segments(instanceB).get("ranking").get("customers").asInt() == CUSTOMERS);

    // When the report is asked of one instance, and every customer is valued one by one
    // Then its counts per segment and risk tier are theirs, once the churn checks have judged everyone
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode report = segments(instanceB);
      JsonNode page = json(get(instanceA, "/api/customers?limit=1000"));
      assertThat(counted(report.get("bySegment"))).as("by segment").isEqualTo(tally(page, "segment"));
      assertThat(counted(report.get("byRiskTier"))).as("by risk tier").isEqualTo(tally(page, "churnRiskTier"));
    });
    JsonNode report = segments(instanceB);
    assertThat(report.get("customers").asInt()).isEqualTo(CUSTOMERS);
    assertThat(counted(report.get("byValueTier")).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(CUSTOMERS);
    assertThat(report.get("rfm").get("cells")).isNotEmpty();
    assertThat(report.get("topCustomers")).hasSize(10);
    assertThat(report.get("topCustomers").get(0).get("value").asDouble())
        .isGreaterThanOrEqualTo(report.get("topCustomers").get(9).get("value").asDouble());
  }

  @Test
  void shouldPublishTheSegmentTotalsOfAllPartitionsToTheCompactedTopic() {
    // Given the customers of both instances' four partitions
    // When the totals are read from ltv-segments, the latest per cell
    // Then they add up to every customer, as the segment report counts them
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Map<String, SegmentCell> totals = latestSegmentTotals();
      assertThat(totals.values().stream().mapToLong(SegmentCell::getCustomers).sum()).isEqualTo(CUSTOMERS);
      Map<String, Long> bySegment = new TreeMap<>();
      totals.values().forEach(cell -> bySegment.merge(cell.getSegment(), cell.getCustomers(), Long::sum));
      bySegment.values().removeIf(customers -> customers == 0);
      assertThat(bySegment).isEqualTo(counted(segments(instanceA).get("bySegment")));
    });
  }

  @Test
  void shouldReportCohortsComputedByTheTopology() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> acquired(json(get(instanceA, "/api/cohorts"))) == CUSTOMERS);

    JsonNode cohorts = json(get(instanceB, "/api/cohorts"));
    JsonNode oldest = cohorts.get("byAcquisitionMonth").get(0);
    assertThat(oldest.get("months")).hasSize(4);
    assertThat(oldest.get("months").get(3).get("activeCustomers").asLong()).isPositive();
    assertThat(cohorts.get("byFirstCategory")).hasSize(3);
  }

  @Test
  void shouldServeHealthReadinessMetricsAndTheApiDescription() throws Exception {
    assertThat(get(instanceA, "/health").statusCode()).isEqualTo(200);
    assertThat(get(instanceA, "/ready").statusCode()).isEqualTo(200);
    String metrics = get(instanceA, "/metrics").body();
    assertThat(metrics).contains("ltv_orders_total").contains("kafka_stream_");
    assertThat(get(instanceB, "/openapi.yaml").body()).contains("openapi: 3");
  }

  @Test
  void shouldAnswer503AndNotReadyWhileTheEngineCannotRun() throws Exception {
    // Its input topic does not exist and is not created: Kafka Streams never reaches RUNNING.
    Map<String, String> stuck = settings("query-api-it-stuck");
    stuck.put("topics.create", "false");
    stuck.put("topics.orders", "missing-orders-" + UUID.randomUUID());
    try (LtvApplication instance = start(stuck)) {
      assertThat(get(instance, "/ready").statusCode()).isEqualTo(503);
      HttpResponse<String> customer = get(instance, "/api/customers/anyone");
      assertThat(customer.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(customer.body()).get("error").asText()).contains("try again");
    }
  }

  @Test
  void shouldShowRecentChurnAlertsOfTheCluster() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> json(get(instanceB, "/api/alerts/recent")).size() > 0);

    JsonNode alert = json(get(instanceB, "/api/alerts/recent")).get(0);
    assertThat(alert.get("type").asText()).isEqualTo("CHURN_RISK");
  }

  @Test
  void shouldRenderTheDashboardWithDataInAHeadlessBrowser() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.findOrSkip();
    String url = "http://127.0.0.1:" + instanceA.httpPort() + "/";
    await().atMost(Duration.ofSeconds(30)).until(() -> acquired(json(get(instanceA, "/api/cohorts"))) == CUSTOMERS);

    String dom = chromium.dumpDom(url);
    Path screenshot = chromium.screenshot(url, Path.of("target", "dashboard.png"));

    assertThat(dom).contains("data-chart=\"cohort-curves\"").contains("class=\"curve\"").contains("class=\"point\"");
    assertThat(dom).containsPattern("class=\"bar\"[^>]*data-value=\"[1-9]");
    assertThat(dom).contains("<td>c-");
    assertThat(dom).contains("status ok");
    assertThat(Files.size(screenshot)).isPositive();
  }

  private static Map<String, String> settings(String applicationId) throws IOException {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put("schema.registry.url", registry);
    settings.put("application.id", applicationId);
    settings.put("state.dir", Files.createTempDirectory("ltv-query-it").toString());
    settings.put("topics.partitions", "4");
    settings.put("http.port", String.valueOf(freePort()));
    settings.put("http.advertised.host", "127.0.0.1");
    settings.put("churn.check.interval.seconds", "1");
    settings.put("cohorts.flush.interval.seconds", "1");
    settings.put("segments.flush.interval.seconds", "1");
    settings.put("commit.interval.ms", "100");
    return settings;
  }

  private static LtvApplication start(Map<String, String> settings) throws InterruptedException {
    Properties properties = new Properties();
    properties.putAll(settings);
    LtvConfig config = new LtvConfig(properties);
    LtvApplication application = new LtvApplication(config, config.defaultClock(), new SimpleMeterRegistry());
    application.start();
    return application;
  }

  /** Customer c-i was acquired i % 4 + 1 months ago; every third bought again every month since. */
  private static void sendOrders(LtvApplication application) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
    List<String> categories = List.of("books", "garden", "toys");
    Properties properties = new Properties();
    properties.put("bootstrap.servers", broker.bootstrapServers());
    try (KafkaProducer<String, Order> producer =
        new KafkaProducer<>(properties, new StringSerializer(), application.topics().orders().valueSerde().serializer())) {
      for (int i = 0; i < CUSTOMERS; i++) {
        int acquiredMonthsAgo = i % 4 + 1;
        for (int monthsAgo = acquiredMonthsAgo; monthsAgo >= (i % 3 == 0 ? 1 : acquiredMonthsAgo); monthsAgo--) {
          Instant at = now.atZone(ZoneOffset.UTC).minusMonths(monthsAgo).toInstant();
          Order order = order("c-" + i, "o-" + i + "-" + monthsAgo, at, 10_00L * (i + 1), categories.get(i % 3));
          producer.send(new ProducerRecord<>(application.topics().orders().name(), null, at.toEpochMilli(),
              order.getCustomerId(), order));
        }
      }
    }
  }

  private static Order order(String customerId, String orderId, Instant at, long amountMinor, String category) {
    return Orders.purchase(customerId, orderId, at, amountMinor)
        .setLineItems(List.of(new LineItem("sku", category, 1, amountMinor)))
        .build();
  }

  /** Customers per group of a report, the empty groups left out. */
  private static Map<String, Long> counted(JsonNode groups) {
    Map<String, Long> counts = new TreeMap<>();
    groups.fields().forEachRemaining(group -> {
      if (group.getValue().get("customers").asLong() > 0) {
        counts.put(group.getKey(), group.getValue().get("customers").asLong());
      }
    });
    return counts;
  }

  /** Customers of a page per value of one of their fields. */
  private static Map<String, Long> tally(JsonNode page, String field) {
    Map<String, Long> counts = new TreeMap<>();
    page.get("customers").forEach(customer -> counts.merge(customer.get(field).asText(), 1L, Long::sum));
    return counts;
  }

  private static Map<String, SegmentCell> latestSegmentTotals() {
    Properties properties = new Properties();
    properties.put("bootstrap.servers", broker.bootstrapServers());
    properties.put("auto.offset.reset", "earliest");
    properties.put("isolation.level", "read_committed");
    Map<String, SegmentCell> totals = new TreeMap<>();
    try (KafkaConsumer<String, SegmentCell> consumer = new KafkaConsumer<>(
        properties, new StringDeserializer(), instanceA.topics().segments().valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(instanceA.topics().segments().name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> totals.put(record.key(), record.value()));
      }
    }
    return totals;
  }

  private static long acquired(JsonNode cohorts) {
    long acquired = 0;
    for (JsonNode cohort : cohorts.get("byAcquisitionMonth")) {
      acquired += cohort.get("customers").asLong();
    }
    return acquired;
  }

  private static String customerOwnedBy(LtvApplication owner) {
    for (int i = 0; i < CUSTOMERS; i++) {
      KeyQueryMetadata metadata =
          owner.streams().queryMetadataForKey(StoreNames.CUSTOMER_STATE, "c-" + i, Serdes.String().serializer());
      if (metadata.activeHost().port() == owner.httpPort()) {
        return "c-" + i;
      }
    }
    throw new AssertionError("Instance on port " + owner.httpPort() + " owns no customer");
  }

  private static boolean running(LtvApplication application) {
    return application.streams().state() == KafkaStreams.State.RUNNING;
  }

  private static JsonNode segments(LtvApplication application) throws Exception {
    HttpResponse<String> response = get(application, "/api/segments");
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.readTree("{\"customers\":-1}");
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(LtvApplication application, String pathAndQuery) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + application.httpPort() + pathAndQuery);
    return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
