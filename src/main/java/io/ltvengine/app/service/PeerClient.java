package io.ltvengine.app.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another instance of the engine, over its HTTP API, for what only its stores hold. */
public final class PeerClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper json;
  private final Optional<String> authorization;

  /** @param authorization the header value instances authenticate to each other with, if any */
  public PeerClient(ObjectMapper json, Optional<String> authorization) {
    this.json = json;
    this.authorization = authorization;
  }

  /** The header in which an answer says how far behind the copy that gave it was. */
  public static final String LAG_HEADER = "X-LTV-Lag-Offsets";

  /** The header in which an answer says which copy gave it: active, standby or restoring. */
  public static final String COPY_HEADER = "X-LTV-Copy";

  /** GETs {@code pathAndQuery} from the peer; its 404 stays a 404, any other failure is a 503. */
  public <T> T get(HostInfo peer, String pathAndQuery, TypeReference<T> type) {
    return answer(peer, pathAndQuery, type).value();
  }

  /** As {@link #get}, with the lag of the copy the peer answered from. */
  public <T> Answer<T> answer(HostInfo peer, String pathAndQuery, TypeReference<T> type) {
    URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
      authorization.ifPresent(value -> request.header("Authorization", value));
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        long lag = response.headers().firstValueAsLong(LAG_HEADER).orElse(0);
        String copy = response.headers().firstValue(COPY_HEADER).orElse(Answer.ACTIVE);
        return new Answer<>(json.readValue(response.body(), type), List.of(), copy, lag);
      }
      String error = errorOf(response.body());
      if (response.statusCode() == 404) {
        throw QueryException.notFound(error);
      }
      throw QueryException.unavailable("Instance " + peer + " answered " + response.statusCode() + ": " + error);
    } catch (IOException e) {
      throw QueryException.unavailable("Instance " + peer + " cannot be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw QueryException.unavailable("Interrupted while asking " + peer, e);
    }
  }

  private String errorOf(String body) {
    try {
      return String.valueOf(json.readValue(body, new TypeReference<Map<String, Object>>() {}).get("error"));
    } catch (IOException e) {
      return body;
    }
  }
}
