package io.ltvengine.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys the API accepts as {@code Authorization: Bearer KEY}; none configured means none is
 * asked for. Instances send the first key to each other. Never printed.
 */
public final class ApiKeys {

  private static final String BEARER = "Bearer ";

  private final List<byte[]> keys;

  private ApiKeys(List<byte[]> keys) {
    this.keys = keys;
  }

  /** Keys written as {@code key1,key2}; blank for none. */
  public static ApiKeys of(String commaSeparated) {
    return new ApiKeys(Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
        .map(String::trim)
        .filter(key -> !key.isEmpty())
        .map(key -> key.getBytes(StandardCharsets.UTF_8))
        .toList());
  }

  public boolean required() {
    return !keys.isEmpty();
  }

  /** Whether the request's Authorization header carries one of the keys, compared in constant time. */
  public boolean accept(String authorization) {
    if (!required()) {
      return true;
    }
    if (authorization == null || !authorization.startsWith(BEARER)) {
      return false;
    }
    byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    boolean accepted = false;
    for (byte[] key : keys) {
      accepted |= MessageDigest.isEqual(key, presented);
    }
    return accepted;
  }

  /** The Authorization header this instance sends to the others, if keys are required. */
  public Optional<String> peerAuthorization() {
    return keys.isEmpty() ? Optional.empty() : Optional.of(BEARER + new String(keys.get(0), StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return keys.size() + " API key(s)";
  }
}
