package io.ltvengine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.types.Password;

/**
 * Connection settings of {@link RestSchemaRegistryClient}, read from the same keys as Confluent's
 * client. {@link #toString()} never shows credentials.
 *
 * @param urls base URLs without user-info, tried in order on connection failure
 * @param authorization value of the {@code Authorization} header, if basic auth is configured
 * @param sslContext TLS context (the JDK default unless trust/key stores are configured)
 */
public record RegistryClientConfig(
    List<URI> urls,
    Optional<String> authorization,
    SSLContext sslContext,
    Duration connectTimeout,
    Duration requestTimeout,
    String description) {

  public static final String URL = "schema.registry.url";
  public static final String AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String USER_INFO = "basic.auth.user.info";
  /** Alias Confluent also accepts for {@link #USER_INFO}. */
  public static final String REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  private static final String SSL = "schema.registry.ssl.";

  private static final long DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
  private static final long DEFAULT_READ_TIMEOUT_MS = 30_000;

  @Override
  public String toString() {
    return description;
  }

  /** Reads the settings from a Kafka-style config map (values may be any object). */
  public static RegistryClientConfig from(Map<String, ?> config) {
    String rawUrls = string(config, URL)
        .orElseThrow(() -> new IllegalArgumentException("Missing " + URL));
    List<java.net.URL> withUserInfo = Arrays.stream(rawUrls.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(RegistryClientConfig::parseUrl)
        .toList();
    // Confluent's default source is URL: user-info in a URL is used without further settings.
    String source = string(config, AUTH_SOURCE).orElse("URL").toUpperCase();
    Optional<String> userInfo = switch (source) {
      case "USER_INFO" -> string(config, USER_INFO).or(() -> string(config, REGISTRY_USER_INFO));
      // As Confluent's client does: the user-info as written, not percent-decoded.
      case "URL" ->
          withUserInfo.stream().map(java.net.URL::getUserInfo).filter(Objects::nonNull).findFirst();
      default -> throw new IllegalArgumentException("Unsupported " + AUTH_SOURCE + ": " + source);
    };
    List<URI> urls = withUserInfo.stream().map(RegistryClientConfig::withoutUserInfo).toList();
    String description = "RegistryClientConfig[urls=" + urls
        + ", basicAuth=" + userInfo.map(u -> u.split(":", 2)[0] + ":[hidden]").orElse("none")
        + ", truststore=" + string(config, SSL + "truststore.location").orElse("JDK default")
        + ", keystore=" + string(config, SSL + "keystore.location").orElse("none") + "]";
    return new RegistryClientConfig(
        urls,
        userInfo.map(RegistryClientConfig::basicAuthorization),
        sslContext(config),
        Duration.ofMillis(number(config, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS)),
        Duration.ofMillis(number(config, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT_MS)),
        description);
  }

  private static String basicAuthorization(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parsed as {@link java.net.URL}, as Confluent's client parses it, so that user-info is taken as
   * written ({@code p%40ss} stays {@code p%40ss}, {@code 100%Secure} is a password). No message
   * shows the URL: it may carry credentials.
   */
  @SuppressWarnings("deprecation")
  private static java.net.URL parseUrl(String url) {
    try {
      java.net.URL parsed = new java.net.URL(url);
      boolean http = "http".equals(parsed.getProtocol()) || "https".equals(parsed.getProtocol());
      if (http && !parsed.getHost().isEmpty()) {
        return parsed;
      }
    } catch (java.net.MalformedURLException e) {
      // Reported below without the URL.
    }
    throw new IllegalArgumentException("Schema registry URLs must be http(s)://[user:password@]host[:port]");
  }

  private static URI withoutUserInfo(java.net.URL url) {
    try {
      return new URI(url.getProtocol(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Schema registry URLs must be http(s)://[user:password@]host[:port]");
    }
  }

  private static SSLContext sslContext(Map<String, ?> config) {
    Optional<String> truststore = string(config, SSL + "truststore.location");
    Optional<String> keystore = string(config, SSL + "keystore.location");
    try {
      if (truststore.isEmpty() && keystore.isEmpty()) {
        return SSLContext.getDefault();
      }
      TrustManager[] trustManagers = null;
      if (truststore.isPresent()) {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(loadStore(config, "truststore", truststore.get()));
        trustManagers = tmf.getTrustManagers();
      }
      KeyManager[] keyManagers = null;
      if (keystore.isPresent()) {
        char[] storePassword = password(config, SSL + "keystore.password");
        char[] keyPassword = string(config, SSL + "key.password")
            .map(String::toCharArray).orElse(storePassword);
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(loadStore(config, "keystore", keystore.get()), keyPassword);
        keyManagers = kmf.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("Cannot set up TLS for the schema registry client", e);
    }
  }

  private static KeyStore loadStore(Map<String, ?> config, String kind, String location)
      throws GeneralSecurityException, IOException {
    // "JKS" is Confluent's default; the JDK's JKS keystore also reads PKCS12 files.
    KeyStore store = KeyStore.getInstance(string(config, SSL + kind + ".type").orElse("JKS"));
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, password(config, SSL + kind + ".password"));
    }
    return store;
  }

  private static char[] password(Map<String, ?> config, String key) {
    return string(config, key).map(String::toCharArray).orElse(null);
  }

  private static Optional<String> string(Map<String, ?> config, String key) {
    return Optional.ofNullable(config.get(key))
        .map(v -> v instanceof Password password ? password.value() : String.valueOf(v))
        .filter(s -> !s.isBlank());
  }

  private static long number(Map<String, ?> config, String key, long fallback) {
    return string(config, key).map(Long::parseLong).orElse(fallback);
  }
}
