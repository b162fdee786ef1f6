package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryClientConfigTest {

  @Test
  void shouldTakeCredentialsFromUrlByDefaultAsWrittenAndStripThemFromUrls() {
    RegistryClientConfig config = RegistryClientConfig.from(Map.of(
        "schema.registry.url", "https://app:p%40ss@sr-1:8081, https://sr-2:8081/"));

    assertThat(config.urls())
        .containsExactly(URI.create("https://sr-1:8081"), URI.create("https://sr-2:8081/"));
    assertThat(config.authorization())
        .as("Confluent's clients send user-info as written, not percent-decoded")
        .contains("Basic " + base64("app:p%40ss"));
  }

  @Test
  void shouldAcceptAPasswordWithAPercentSignAsConfluentDoes() {
    RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url", "http://app:100%Secure@sr:8081"));

    assertThat(config.authorization()).contains("Basic " + base64("app:100%Secure"));
    assertThat(config.toString()).doesNotContain("100%Secure");
  }

  @Test
  void shouldNotEchoCredentialsOfAUrlThatCannotBeParsed() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://app:s3cr3t@")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void shouldReadUserInfoFromConfluentAliasKey() {
    RegistryClientConfig config = RegistryClientConfig.from(Map.of(
        "schema.registry.url", "http://sr:8081",
        "basic.auth.credentials.source", "USER_INFO",
        "schema.registry.basic.auth.user.info", "app:secret"));

    assertThat(config.authorization()).contains("Basic " + base64("app:secret"));
  }

  @Test
  void shouldReadTimeouts() {
    RegistryClientConfig config = RegistryClientConfig.from(Map.of(
        "schema.registry.url", "http://sr:8081",
        "http.connect.timeout.ms", "1500",
        "http.read.timeout.ms", 2500));

    assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void shouldRejectUnsupportedCredentialsSource() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(
        "schema.registry.url", "http://sr:8081", "basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SASL_INHERIT");
  }

  @Test
  void shouldRejectUrlWithoutSchemeWithoutEchoingIt() {
    assertThatThrownBy(() -> RegistryClientConfig.from(Map.of(
        "schema.registry.url", "ftp://app:secret@sr:8081")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
