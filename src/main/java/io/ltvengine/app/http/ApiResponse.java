package io.ltvengine.app.http;

import java.nio.charset.StandardCharsets;

/** Status, content type and body of an answer. */
public record ApiResponse(int status, String contentType, byte[] body) {

  public static final String JSON = "application/json";

  public static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
