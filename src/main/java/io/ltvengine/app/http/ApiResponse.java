package io.ltvengine.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Status, content type, body and headers of an answer. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

  public static final String JSON = "application/json";

  public ApiResponse(int status, String contentType, byte[] body) {
    this(status, contentType, body, Map.of());
  }

  public static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
