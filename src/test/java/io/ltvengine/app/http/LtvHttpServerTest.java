package io.ltvengine.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP server on loopback, in front of fake queries. */
class LtvHttpServerTest {

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private final FakeQueries queries = new FakeQueries();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(ONE_SECOND).build();
  private final List<Socket> stalledClients = new ArrayList<>();
  private LtvHttpServer server;

  @AfterEach
  void stop() throws IOException {
    if (queries.segmentsGate != null) {
      queries.segmentsGate.countDown();
    }
    for (Socket client : stalledClients) {
      client.close();
    }
    server.close();
  }

  private void start(String apiKeys, int maxConcurrent, int maxQueued) {
    ApiHandlers handlers = new ApiHandlers(queries, () -> "ltv_orders_total 1", List::of, new ObjectMapper());
    server = LtvHttpServer.start(
        new LtvHttpServer.Options("127.0.0.1", 0, ApiKeys.of(apiKeys),
            new LtvHttpServer.Limits(maxConcurrent, maxQueued, Duration.ofSeconds(30))),
        handlers);
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(ONE_SECOND);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerHealthWithinASecondWhileSixteenClientsNeverFinishTheirHeaders() throws Exception {
    // Given sixteen clients that send half a request and then nothing
    start("", 16, 64);
    for (int i = 0; i < 16; i++) {
      Socket client = new Socket("127.0.0.1", server.port());
      OutputStream out = client.getOutputStream();
      out.write("GET /api/segments HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      stalledClients.add(client);
    }

    // When / Then
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).as("/health while 16 clients stall").isEqualTo(200);
  }

  @Test
  void shouldAskForTheApiKeyOnDataEndpointsButNotOnHealthOrTheDashboard() throws Exception {
    start("key-1,key-2", 16, 64);

    assertThat(get("/api/segments").statusCode()).as("segments without a key").isEqualTo(401);
    assertThat(get("/metrics", "Authorization", "Bearer wrong").statusCode()).as("metrics with a wrong key").isEqualTo(401);
    assertThat(get("/api/segments", "Authorization", "Bearer key-2").statusCode()).as("segments with a key").isEqualTo(200);
    assertThat(get("/health").statusCode()).as("health without a key").isEqualTo(200);
    assertThat(get("/").statusCode()).as("the dashboard page without a key").isEqualTo(200);
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenQueriesAreSaturatedWhileHealthStillAnswers() throws Exception {
    // Given one query at a time, none queued, and one query that does not finish
    CompletableFuture<HttpResponse<String>> stuck = oneQueryAtATimeAndOneStuck();

    // When another query arrives
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(get("/api/segments").statusCode()).as("a query beyond the limit").isEqualTo(503));

    // Then it is told when to come back, and health is not in the queue
    assertThat(get("/api/segments").headers().firstValue("Retry-After")).as("Retry-After").hasValue("1");
    assertThat(get("/health").statusCode()).as("/health while queries are saturated").isEqualTo(200);
    queries.segmentsGate.countDown();
    assertThat(stuck.get().statusCode()).as("the query that waited").isEqualTo(200);
  }

  @Test
  void shouldAnswerAnotherInstancesFanOutWhileClientQueriesAreSaturated() throws Exception {
    // Given one client query at a time, none queued, and one that does not finish
    CompletableFuture<HttpResponse<String>> stuck = oneQueryAtATimeAndOneStuck();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(get("/api/customers/alice").statusCode()).as("a client query beyond the limit").isEqualTo(503));

    // When another instance asks for its part of an answer
    HttpResponse<String> part = get("/api/customers/alice?local=true");

    // Then it is answered: it does not wait behind the client queries that may have caused it
    assertThat(part.statusCode()).as("another instance's request while client queries are saturated").isEqualTo(200);
    queries.segmentsGate.countDown();
    assertThat(stuck.get().statusCode()).isEqualTo(200);
  }

  /** A server answering one query at a time with none queued, and a segment query that waits for the gate. */
  private CompletableFuture<HttpResponse<String>> oneQueryAtATimeAndOneStuck() throws Exception {
    start("", 1, 0);
    queries.segmentsGate = new CountDownLatch(1);
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/segments")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldDecodeCustomerIdsWithSpacesPlusesSlashesAndUnicode() throws Exception {
    start("", 16, 64);

    get("/api/customers/a%20b%2Bc%2Fd%C3%A9");

    assertThat(queries.lastCustomerId).as("the customer id the handlers were asked for").isEqualTo("a b+c/dé");
  }

  @Test
  void shouldSendSecurityHeaders() throws Exception {
    start("", 16, 64);

    HttpResponse<String> page = get("/");

    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
  }
}
