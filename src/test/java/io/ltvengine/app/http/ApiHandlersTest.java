package io.ltvengine.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.app.service.CustomerFilter;
import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.LifecycleSegment;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class ApiHandlersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeQueries queries = new FakeQueries();
  private final ApiHandlers handlers =
      new ApiHandlers(queries, () -> "ltv_orders_total 3.0\n", () -> List.of(Map.of("alertId", "a-1")), JSON);

  @Test
  void shouldAnswerAKnownCustomerAsJson() throws IOException {
    ApiResponse response = get("/api/customers/alice");

    assertThat(response.status()).isEqualTo(200);
    assertThat(body(response).get("customerId").asText()).isEqualTo("alice");
  }

  @Test
  void shouldAnswer404WithAJsonErrorForAnUnknownCustomer() throws IOException {
    ApiResponse response = get("/api/customers/nobody");

    assertThat(response.status()).isEqualTo(404);
    assertThat(body(response).get("status").asInt()).isEqualTo(404);
    assertThat(body(response).get("error").asText()).contains("nobody");
  }

  @Test
  void shouldAnswer503WhileTheEngineIsRebalancing() throws IOException {
    queries.state = KafkaStreams.State.REBALANCING;

    ApiResponse response = get("/api/customers/alice");

    assertThat(response.status()).isEqualTo(503);
    assertThat(body(response).get("error").asText()).contains("REBALANCING");
  }

  @Test
  void shouldPassTheAudienceFilterToTheQueryService() {
    ApiResponse response = get("/api/customers?segment=at_risk&risk=HIGH&limit=5&cursor=c-9");

    assertThat(response.status()).isEqualTo(200);
    assertThat(queries.lastFilter)
        .isEqualTo(new CustomerFilter(LifecycleSegment.AT_RISK, ChurnRiskTier.HIGH, 5, "c-9"));
    assertThat(queries.lastLocal).isFalse();
  }

  @Test
  void shouldAskOnlyTheLocalStoresForTheInternalFanOut() {
    get("/api/customers?local=true");

    assertThat(queries.lastLocal).isTrue();
    assertThat(queries.lastFilter.limit()).isEqualTo(ApiHandlers.DEFAULT_LIMIT);
  }

  @Test
  void shouldRejectAnUnknownSegmentWith400() throws IOException {
    ApiResponse response = get("/api/customers?segment=VIP");

    assertThat(response.status()).isEqualTo(400);
    assertThat(body(response).get("error").asText()).contains("VIP");
  }

  @Test
  void shouldRejectALimitOutOfRangeOrNotANumberWith400() {
    assertThat(get("/api/customers?limit=0").status()).isEqualTo(400);
    assertThat(get("/api/customers?limit=1001").status()).isEqualTo(400);
    assertThat(get("/api/customers?limit=ten").status()).isEqualTo(400);
  }

  @Test
  void shouldServeSegmentsAndTheLocalCellsForTheFanOut() throws IOException {
    JsonNode segments = body(get("/api/segments"));
    assertThat(segments.get("customers").asInt()).isEqualTo(1);
    assertThat(segments.get("topCustomers").get(0).get("customerId").asText()).isEqualTo("alice");
    assertThat(segments.get("ranking").get("walkedAt").asText()).isEqualTo("1970-01-01T00:00:01Z");
    assertThat(body(get("/api/segments?local=true")).get("cells").get(0).get("valueTier").asText()).isEqualTo("rest");
  }

  @Test
  void shouldSayWhatAnAnswerLacksWhenAnInstanceCouldNotBeAsked() throws IOException {
    // Given an instance that holds orders-1 and orders-3 and cannot be reached
    queries.missingPartitions = List.of("orders-1", "orders-3");

    // When the segments are asked for
    ApiResponse response = get("/api/segments");

    // Then the answer says so in its body and a header, rather than counting fewer customers silently
    assertThat(response.status()).isEqualTo(200);
    assertThat(body(response).get("partial").asBoolean()).isTrue();
    assertThat(body(response).get("missingPartitions")).extracting(JsonNode::asText).containsExactly("orders-1", "orders-3");
    assertThat(response.headers()).containsEntry("X-LTV-Partial", "orders-1,orders-3");
  }

  @Test
  void shouldSayWhichCopyAnsweredForACustomerAndHowFarBehindItWas() {
    ApiResponse response = get("/api/customers/alice");

    assertThat(response.headers()).containsEntry("X-LTV-Copy", "active").containsEntry("X-LTV-Lag-Offsets", "0");
    assertThat(get("/api/segments").headers()).doesNotContainKey("X-LTV-Partial");
  }

  @Test
  void shouldServeTheAudienceCountsAndTheLocalCellsForTheFanOut() throws IOException {
    assertThat(body(get("/api/audiences")).get("bySegment").get("ACTIVE").get("customers").asInt()).isEqualTo(1);
    assertThat(body(get("/api/audiences?local=true")).get(0).get("netRevenueMinor").asLong()).isEqualTo(12_000);
  }

  @Test
  void shouldServeCohortsAndTheLocalCellsForTheFanOut() throws IOException {
    JsonNode cohorts = body(get("/api/cohorts"));
    assertThat(cohorts.get("byAcquisitionMonth").get(0).get("cohort").asText()).isEqualTo("2026-01");
    assertThat(body(get("/api/cohorts?local=true")).get(0).get("acquiredCustomers").asInt()).isEqualTo(1);
  }

  @Test
  void shouldServeRecentAlertsAndPrometheusMetrics() throws IOException {
    assertThat(body(get("/api/alerts/recent")).get(0).get("alertId").asText()).isEqualTo("a-1");
    ApiResponse metrics = get("/metrics");
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.bodyText()).contains("ltv_orders_total");
  }

  @Test
  void shouldBeAliveAndReadyOnlyWhileRunning() {
    assertThat(get("/health").status()).isEqualTo(200);
    assertThat(get("/ready").status()).isEqualTo(200);

    queries.state = KafkaStreams.State.REBALANCING;
    assertThat(get("/health").status()).isEqualTo(200);
    assertThat(get("/ready").status()).isEqualTo(503);

    queries.state = KafkaStreams.State.ERROR;
    assertThat(get("/health").status()).isEqualTo(503);
  }

  @Test
  void shouldServeTheDashboardAndTheOpenApiDescription() {
    assertThat(get("/").bodyText()).contains("<svg id=\"cohort-curves\"");
    assertThat(get("/dashboard.js").status()).isEqualTo(200);
    assertThat(get("/openapi.yaml").bodyText()).contains("/api/customers/{id}");
  }

  @Test
  void shouldAnswer404ForAnUnknownPath() {
    assertThat(get("/api/nothing").status()).isEqualTo(404);
  }

  private ApiResponse get(String pathAndQuery) {
    return handlers.handle(ApiRequest.of(pathAndQuery));
  }

  private static JsonNode body(ApiResponse response) throws IOException {
    return JSON.readTree(response.body());
  }
}
