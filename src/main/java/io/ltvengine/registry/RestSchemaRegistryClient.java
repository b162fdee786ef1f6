package io.ltvengine.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to a Confluent Schema Registry over its REST API with the JDK's {@link HttpClient}.
 *
 * <p>Ids and the (subject, schema) to id mapping are immutable in a registry, so they are cached
 * forever; "latest version" and compatibility answers are not. When a URL cannot be reached the
 * next configured one is tried, and the client sticks to the one that answered.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClientConfig config;
  private final HttpClient http;
  private final AtomicInteger currentUrl = new AtomicInteger();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> referencedVersions = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, String schema) {}

  public RestSchemaRegistryClient(RegistryClientConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(config.connectTimeout())
        .sslContext(config.sslContext())
        .build();
  }

  /** Convenience for {@code new RestSchemaRegistryClient(RegistryClientConfig.from(config))}. */
  public RestSchemaRegistryClient(Map<String, ?> config) {
    this(RegistryClientConfig.from(config));
  }

  @Override
  public int register(String subject, Schema schema, boolean normalize) {
    return cachedId(subject, schema, () ->
        post("/subjects/" + encode(subject) + "/versions" + normalized(normalize), schemaBody(schema)).get("id").asInt());
  }

  @Override
  public int getId(String subject, Schema schema, boolean normalize) {
    return cachedId(subject, schema, () ->
        post("/subjects/" + encode(subject) + normalized(normalize), schemaBody(schema)).get("id").asInt());
  }

  /** The query Confluent's client adds when {@code normalize.schemas=true}. */
  private static String normalized(boolean normalize) {
    return normalize ? "?normalize=true" : "";
  }

  @Override
  public Schema getSchemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = get("/schemas/ids/" + id);
    Schema schema = parseWithReferences(answer);
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  /**
   * A schema that refers to types of other subjects, as Confluent's deserializer reads it: the
   * referenced subject versions are fetched (and kept: they never change) and parsed first,
   * their own references before them, so that the schema's names resolve.
   */
  private Schema parseWithReferences(JsonNode answer) {
    Schema.Parser parser = new Schema.Parser();
    addReferences(parser, answer.path("references"), new HashSet<>());
    return parser.parse(answer.get("schema").asText());
  }

  private void addReferences(Schema.Parser parser, JsonNode references, Set<String> added) {
    for (JsonNode reference : references) {
      String path = "/subjects/" + encode(reference.get("subject").asText()) + "/versions/" + reference.get("version").asText();
      if (!added.add(path)) {
        continue;
      }
      JsonNode referenced = referencedVersions.computeIfAbsent(path, this::get);
      addReferences(parser, referenced.path("references"), added);
      parser.parse(referenced.get("schema").asText());
    }
  }

  @Override
  public SchemaMetadata getLatestSchemaMetadata(String subject) {
    JsonNode answer = get("/subjects/" + encode(subject) + "/versions/latest");
    return new SchemaMetadata(
        answer.get("subject").asText(),
        answer.get("id").asInt(),
        answer.get("version").asInt(),
        parse(answer.get("schema").asText()));
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) {
    String path = "/compatibility/subjects/" + encode(subject) + "/versions/latest";
    return post(path, schemaBody(schema)).get("is_compatible").asBoolean();
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient[" + config + "]";
  }

  /** Returns the cached id, or calls the registry and remembers the answer both ways. */
  private int cachedId(String subject, Schema schema, IntSupplier call) {
    SubjectSchema key = new SubjectSchema(subject, schema.toString());
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    int id = call.getAsInt();
    idsBySubjectSchema.putIfAbsent(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  /** The request body; {@code Schema.toString()} is the form Confluent's serializer registers. */
  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode a string as JSON", e);
    }
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode get(String path) {
    return send(path, HttpRequest.BodyPublishers.noBody(), "GET");
  }

  private JsonNode post(String path, String body) {
    return send(path, HttpRequest.BodyPublishers.ofString(body), "POST");
  }

  /** Sends to the current URL, moving on to the next one while URLs cannot be reached. */
  private JsonNode send(String path, HttpRequest.BodyPublisher body, String method) {
    List<URI> urls = config.urls();
    IOException lastFailure = null;
    for (int attempt = 0; attempt < urls.size(); attempt++) {
      int index = Math.floorMod(currentUrl.get(), urls.size());
      URI base = urls.get(index);
      try {
        return answer(http.send(request(base, path, method, body),
            HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        LOG.warn("Schema registry {} unreachable: {}", base, e.toString());
        lastFailure = e;
        currentUrl.compareAndSet(index, index + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryUnavailableException("Interrupted calling the schema registry", e);
      }
    }
    throw new SchemaRegistryUnavailableException(
        "No schema registry reachable at " + urls, lastFailure);
  }

  private HttpRequest request(
      URI base, String path, String method, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stripSlash(base) + path))
        .timeout(config.requestTimeout())
        .header("Accept", CONTENT_TYPE)
        .header("Content-Type", CONTENT_TYPE)
        .method(method, body);
    config.authorization().ifPresent(value -> builder.header("Authorization", value));
    return builder.build();
  }

  private static String stripSlash(URI base) {
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static JsonNode answer(HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode body = readJson(response.body());
    if (status >= 200 && status < 300 && body != null) {
      return body;
    }
    int errorCode =
        body != null && body.has("error_code") ? body.get("error_code").asInt() : status;
    String message = body != null && body.has("message")
        ? body.get("message").asText()
        : "Schema registry answered HTTP " + status;
    if (status >= 500) {
      throw new SchemaRegistryUnavailableException(message, errorCode, status);
    }
    throw new SchemaRegistryException(message, errorCode, status);
  }

  /** The body as JSON, or null when it is not JSON (e.g. an HTML error page of a proxy). */
  private static JsonNode readJson(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
