package io.ltvengine.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A Confluent Schema Registry REST endpoint on a free loopback port, backed by a
 * {@link MockSchemaRegistry}, for tests that have no cp-schema-registry container.
 *
 * <p>Serves {@code GET /subjects}, {@code GET /subjects/{s}/versions},
 * {@code GET /subjects/{s}/versions/latest}, {@code POST /subjects/{s}/versions} (register),
 * {@code POST /subjects/{s}} (lookup), {@code GET /schemas/ids/{id}} and
 * {@code POST /compatibility/subjects/{s}/versions/latest}, with the registry's error bodies.
 * Optionally requires basic auth, serves HTTPS, or fails every request with a given status.
 */
public final class SchemaRegistryRestFixture implements AutoCloseable {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockSchemaRegistry registry;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> requestLines = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Map<String, String> presetAnswers = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String expectedAuthorization;
  private volatile int failureStatus;
  private SSLContext tls;
  private HttpServer server;

  /** A fixture over a fresh registry. */
  public SchemaRegistryRestFixture() {
    this(new MockSchemaRegistry());
  }

  /** A fixture serving {@code registry}, e.g. a scoped one shared with in-process serdes. */
  public SchemaRegistryRestFixture(MockSchemaRegistry registry) {
    this.registry = registry;
  }

  /** Requires these credentials on every request (call before {@link #start()}). */
  public SchemaRegistryRestFixture withBasicAuth(String user, String password) {
    byte[] userInfo = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(userInfo);
    return this;
  }

  /** Serves HTTPS with {@code context} (call before {@link #start()}). */
  public SchemaRegistryRestFixture withTls(SSLContext context) {
    this.tls = context;
    return this;
  }

  /** Binds a free loopback port and starts serving. */
  public SchemaRegistryRestFixture start() {
    return startOn(0);
  }

  /** Stops answering: connections are refused, as from a registry that is down. */
  public void stop() {
    server.stop(0);
  }

  /** Serves again on the port it had, with everything it held. */
  public SchemaRegistryRestFixture restart() {
    return startOn(server.getAddress().getPort());
  }

  private SchemaRegistryRestFixture startOn(int port) {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try {
      if (tls == null) {
        server = HttpServer.create(address, 0);
      } else {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    InetSocketAddress address = server.getAddress();
    return (tls == null ? "http" : "https") + "://" + address.getAddress().getHostAddress()
        + ":" + address.getPort();
  }

  public MockSchemaRegistry registry() {
    return registry;
  }

  /** Answers GET {@code path} with {@code json}, as a registry holding what the mock cannot would. */
  public SchemaRegistryRestFixture answering(String path, String json) {
    presetAnswers.put(path, json);
    return this;
  }

  /** Every request so far as {@code METHOD path?query}. */
  public List<String> requestLines() {
    return List.copyOf(requestLines);
  }

  /** Requests received so far, answered or not. */
  public int requestCount() {
    return requests.get();
  }

  /** Answers every following request with {@code status} (e.g. 503); 0 serves normally again. */
  public void failWith(int status) {
    this.failureStatus = status;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    try (exchange) {
      if (failureStatus != 0) {
        error(exchange, failureStatus, failureStatus * 100 + 1, "Injected failure");
      } else if (!authorized(exchange)) {
        error(exchange, 401, 401, "Unauthorized");
      } else if (presetAnswers.containsKey(exchange.getRequestURI().getRawPath())) {
        replyRaw(exchange, presetAnswers.get(exchange.getRequestURI().getRawPath()));
      } else {
        answer(exchange);
      }
    }
  }

  private boolean authorized(HttpExchange exchange) {
    return expectedAuthorization == null
        || expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private void answer(HttpExchange exchange) throws IOException {
    try {
      reply(exchange, 200, route(exchange));
    } catch (SchemaRegistryException e) {
      error(exchange, e.httpStatus(), e.errorCode(), e.registryMessage());
    } catch (SchemaParseException e) {
      error(exchange, 422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema " + e);
    } catch (IOException | RuntimeException e) {
      error(exchange, 500, 50001, e.toString());
    }
  }

  /** The JSON answer to a request, or a SchemaRegistryException for an error answer. */
  private Object route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    List<String> path = Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
        .filter(s -> !s.isEmpty())
        .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8))
        .toList();
    List<String> shape = path.stream().map(SchemaRegistryRestFixture::shape).toList();
    String route = method + " " + String.join("/", shape);
    return switch (route) {
      case "GET subjects" -> registry.subjects();
      case "GET subjects/*/versions" ->
          IntStream.rangeClosed(1, registry.versions(path.get(1)).size()).boxed().toList();
      case "GET subjects/*/versions/latest" ->
          metadata(registry.getLatestSchemaMetadata(path.get(1)));
      case "POST subjects/*/versions" ->
          Map.of("id", registry.register(path.get(1), schema(exchange)));
      case "POST subjects/*" -> lookup(path.get(1), schema(exchange));
      case "GET schemas/ids/*" ->
          Map.of("schema", registry.getSchemaById(id(path.get(2))).toString());
      case "POST compatibility/subjects/*/versions/latest" ->
          Map.of("is_compatible", registry.testCompatibility(path.get(2), schema(exchange)));
      default -> throw new SchemaRegistryException("HTTP 404 Not Found", 404, 404);
    };
  }

  /** Keeps the fixed words of a path and turns the variable parts into {@code *}. */
  private static String shape(String segment) {
    return switch (segment) {
      case "subjects", "versions", "latest", "schemas", "ids", "compatibility" -> segment;
      default -> "*";
    };
  }

  private Map<String, Object> lookup(String subject, Schema schema) {
    int id = registry.getId(subject, schema);
    return metadata(new SchemaMetadata(subject, id, registry.getVersion(subject, schema), schema));
  }

  private static Map<String, Object> metadata(SchemaMetadata metadata) {
    return Map.of("subject", metadata.subject(), "id", metadata.id(),
        "version", metadata.version(), "schema", metadata.schema().toString());
  }

  private static int id(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException("HTTP 404 Not Found", 404, 404);
    }
  }

  private static Schema schema(HttpExchange exchange) throws IOException {
    String text = JSON.readTree(exchange.getRequestBody()).path("schema").asText();
    return new Schema.Parser().parse(text);
  }

  private static void error(HttpExchange exchange, int status, int errorCode, String message)
      throws IOException {
    reply(exchange, status, Map.of("error_code", errorCode, "message", message));
  }

  private static void replyRaw(HttpExchange exchange, String json) throws IOException {
    reply(exchange, 200, JSON.readTree(json));
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
