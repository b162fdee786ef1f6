package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.testing.SelfSignedCertificate;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate made by keytool for this test run. */
class RestSchemaRegistryClientTlsTest {

  @TempDir
  static Path dir;
  private static SelfSignedCertificate certificate;

  private SchemaRegistryRestFixture fixture;

  @BeforeAll
  static void createSelfSignedCertificate() throws Exception {
    certificate = SelfSignedCertificate.create(dir, "changeit");
  }

  @AfterEach
  void stopFixture() {
    fixture.close();
  }

  @Test
  void shouldTalkToHttpsRegistryTrustedThroughConfiguredTruststore() throws Exception {
    // Given
    fixture = new SchemaRegistryRestFixture().withTls(certificate.serverContext()).start();
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(Map.of(
        "schema.registry.url", fixture.url(),
        "schema.registry.ssl.truststore.location", certificate.trustStore().toString(),
        "schema.registry.ssl.truststore.password", certificate.password(),
        "schema.registry.ssl.truststore.type", "PKCS12"));

    // When
    int id = client.register("s", SchemaBuilder.record("R").fields().endRecord());

    // Then
    assertThat(fixture.url()).startsWith("https://");
    assertThat(fixture.registry().getSchemaById(id).getName()).isEqualTo("R");
  }

  @Test
  void shouldRefuseHttpsRegistryTheJdkTrustStoreDoesNotTrust() throws Exception {
    // Given
    fixture = new SchemaRegistryRestFixture().withTls(certificate.serverContext()).start();
    RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(Map.of("schema.registry.url", fixture.url()));

    // When / Then
    assertThatThrownBy(() -> client.getSchemaById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasRootCauseInstanceOf(CertPathBuilderException.class);
  }
}
