package io.ltvengine.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ltvengine.app.service.Answer;
import io.ltvengine.app.service.CustomerFilter;
import io.ltvengine.app.service.CustomerQueries;
import io.ltvengine.app.service.PeerClient;
import io.ltvengine.app.service.QueryException;
import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.LifecycleSegment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.ltvengine.app.service.EngineHealth;

/**
 * The HTTP API, independent of any server: a request in, a response out. Handlers validate
 * parameters and call the query service; they know nothing of stores or other instances.
 */
public final class ApiHandlers {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final String CUSTOMER_PREFIX = "/api/customers/";
  static final String PARTIAL_HEADER = "X-LTV-Partial";

  private final CustomerQueries queries;
  private final Supplier<String> metrics;
  private final Supplier<List<Map<String, Object>>> recentAlerts;
  private final ObjectMapper json;

  public ApiHandlers(
      CustomerQueries queries,
      Supplier<String> metrics,
      Supplier<List<Map<String, Object>>> recentAlerts,
      ObjectMapper json) {
    this.queries = queries;
    this.metrics = metrics;
    this.recentAlerts = recentAlerts;
    this.json = json;
  }

  public ApiResponse handle(ApiRequest request) {
    try {
      return route(request);
    } catch (QueryException e) {
      return error(e.status(), e.getMessage());
    }
  }

  private ApiResponse route(ApiRequest request) {
    String path = request.path();
    if (path.startsWith(CUSTOMER_PREFIX) && path.length() > CUSTOMER_PREFIX.length()) {
      String customerId = path.substring(CUSTOMER_PREFIX.length());
      return answer(queries.customer(customerId, request.local(), request.anyCopy()));
    }
    return switch (path) {
      case "/api/customers" -> answer(queries.customers(filter(request), request.local()));
      case "/api/segments" -> request.local() ? ok(queries.localSegments()) : answer(queries.segments());
      case "/api/cohorts" -> request.local() ? ok(queries.localCohortCells()) : answer(queries.cohorts());
      case "/api/audiences" -> request.local() ? ok(queries.localAudienceCells()) : answer(queries.audiences());
      case "/api/alerts/recent" -> ok(recentAlerts.get());
      case "/metrics" -> ApiResponse.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.get());
      case "/health" -> health();
      case "/ready" -> ready();
      case "/openapi.yaml" -> resource("openapi.yaml", "application/yaml");
      case "/", "/index.html" -> resource("dashboard/index.html", "text/html; charset=utf-8");
      case "/dashboard.js" -> resource("dashboard/dashboard.js", "text/javascript; charset=utf-8");
      case "/dashboard.css" -> resource("dashboard/dashboard.css", "text/css; charset=utf-8");
      default -> error(404, "No such resource: " + path);
    };
  }

  private static CustomerFilter filter(ApiRequest request) {
    return new CustomerFilter(
        parseEnum(LifecycleSegment.class, "segment", request.param("segment")),
        parseEnum(ChurnRiskTier.class, "risk", request.param("risk")),
        parseLimit(request.param("limit")),
        request.param("cursor"));
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw QueryException.badRequest("Unknown " + name + " '" + value + "'; one of " + List.of(type.getEnumConstants()));
    }
  }

  private static int parseLimit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw QueryException.badRequest("limit must be a number, got '" + value + "'");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw QueryException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }

  /**
   * Alive unless the engine failed, stopped, tripped its dead-letter breaker, keeps replacing
   * threads or makes no progress on waiting records: then a restart or an operator is what helps.
   */
  private ApiResponse health() {
    EngineHealth.Verdict verdict = queries.health();
    return json(verdict.alive() ? 200 : 503, Map.of(
        "status", verdict.alive() ? "UP" : "DOWN", "state", verdict.state(), "problems", verdict.problems()));
  }

  /** Ready only while every stream thread runs; a rebalance or restoration takes the instance out of rotation. */
  private ApiResponse ready() {
    EngineHealth.Verdict verdict = queries.health();
    return json(verdict.ready() ? 200 : 503, Map.of(
        "status", verdict.ready() ? "READY" : "NOT_READY", "state", verdict.state(), "problems", verdict.problems()));
  }

  private ApiResponse ok(Object body) {
    return json(200, body);
  }

  /**
   * A 200 that says what it lacks: {@code "partial": true} and the missing partitions in the body
   * and in {@code X-LTV-Partial}; which copy of the state answered in {@code X-LTV-Copy}, and its
   * lag in {@code X-LTV-Lag-Offsets}.
   */
  private ApiResponse answer(Answer<?> answer) {
    Object body = answer.value();
    Map<String, String> headers = new LinkedHashMap<>();
    if (answer.partial()) {
      body = withPartial(json.valueToTree(body), answer.missingPartitions());
      headers.put(PARTIAL_HEADER, String.join(",", answer.missingPartitions()));
    }
    headers.put(PeerClient.COPY_HEADER, answer.copy());
    headers.put(PeerClient.LAG_HEADER, String.valueOf(answer.lagOffsets()));
    try {
      return new ApiResponse(200, ApiResponse.JSON, json.writeValueAsBytes(body), headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the answer as JSON", e);
    }
  }

  /** Only a partial answer is built as a tree, to add what it lacks; a whole one is written straight. */
  private JsonNode withPartial(JsonNode body, List<String> missingPartitions) {
    if (body instanceof ObjectNode object) {
      object.put("partial", true);
      object.set("missingPartitions", json.valueToTree(missingPartitions));
    }
    return body;
  }

  private ApiResponse error(int status, String message) {
    return json(status, Map.of("error", message, "status", status));
  }

  private ApiResponse json(int status, Object body) {
    try {
      return new ApiResponse(status, ApiResponse.JSON, json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private ApiResponse resource(String name, String contentType) {
    try (InputStream in = ApiHandlers.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        return error(404, "Missing resource " + name);
      }
      return new ApiResponse(200, contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
