package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate made by keytool for this test run. */
class RestSchemaRegistryClientTlsTest {

  private static final String PASSWORD = "changeit";

  @TempDir
  static Path dir;
  private static Path serverStore;
  private static Path trustStore;

  private SchemaRegistryRestFixture fixture;

  @BeforeAll
  static void createSelfSignedCertificate() throws Exception {
    serverStore = dir.resolve("server.p12");
    trustStore = dir.resolve("truststore.p12");
    Path certificate = dir.resolve("server.crt");
    keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", serverStore.toString(), "-storepass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "registry", "-file", certificate.toString(),
        "-keystore", serverStore.toString(), "-storepass", PASSWORD);
    keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
  }

  @AfterEach
  void stopFixture() {
    fixture.close();
  }

  @Test
  void shouldTalkToHttpsRegistryTrustedThroughConfiguredTruststore() throws Exception {
    // Given
    fixture = new SchemaRegistryRestFixture().withTls(serverContext()).start();
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(Map.of(
        "schema.registry.url", fixture.url(),
        "schema.registry.ssl.truststore.location", trustStore.toString(),
        "schema.registry.ssl.truststore.password", PASSWORD,
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
    fixture = new SchemaRegistryRestFixture().withTls(serverContext()).start();
    RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(Map.of("schema.registry.url", fixture.url()));

    // When / Then
    assertThatThrownBy(() -> client.getSchemaById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasRootCauseInstanceOf(CertPathBuilderException.class);
  }

  private static SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
  }
}
