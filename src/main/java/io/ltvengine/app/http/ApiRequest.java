package io.ltvengine.app.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A GET request as the handlers see it: a decoded path and query parameters. */
public record ApiRequest(String path, Map<String, String> query) {

  public static ApiRequest of(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        query.put(decode(key), decode(value));
      }
    }
    return new ApiRequest(uri.getPath(), query);
  }

  public static ApiRequest of(String pathAndQuery) {
    return of(URI.create(pathAndQuery));
  }

  public String param(String name) {
    String value = query.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  public boolean local() {
    return Boolean.parseBoolean(query.get("local"));
  }

  /** From another instance: any copy here may answer, a standby or restoring one too. */
  public boolean anyCopy() {
    return Boolean.parseBoolean(query.get("stale"));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
