package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.tools.demo.EmbeddedKafkaBroker;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import io.ltvengine.registry.SchemaRegistryRestFixture;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.ltvengine.testing.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a TLS + SASL/SCRAM listener, with a registry behind TLS and basic auth,
 * configured only through its documented settings; its secrets never reach its log.
 */
class SecurityFaultIT {

  private static final String APPLICATION_ID = "security-fault-it";
  private static final String STORE_PASSWORD = "store-pass-4711";
  private static final String SASL_PASSWORD = "sasl-secret-0815";
  private static final String REGISTRY_PASSWORD = "registry-secret-2342";
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int ORDERS = 2_000;

  private EmbeddedKafkaBroker broker;
  private SchemaRegistryRestFixture registry;
  private EngineProcess engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    registry.close();
    broker.close();
  }

  @Test
  void shouldProcessOverTlsAndScramWithoutLoggingSecrets(@TempDir Path work) throws Exception {
    // Given a broker with a SASL_SSL listener, a SCRAM user, and a registry behind TLS and basic auth
    SelfSignedCertificate certificate = SelfSignedCertificate.create(work, STORE_PASSWORD);
    broker = EmbeddedKafkaBroker.start(secureListener(certificate));
    registry = new SchemaRegistryRestFixture()
        .withTls(certificate.serverContext())
        .withBasicAuth("ltv-registry", REGISTRY_PASSWORD)
        .start();
    Map<String, Object> plaintext = Map.of("bootstrap.servers", broker.bootstrapServers());
    List<Order> history = ShopHistory.generate(ORDERS, ORDERS / 10, 11);
    try (Admin admin = Admin.create(plaintext)) {
      admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
          "ltv", new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), SASL_PASSWORD))).all().get();
      admin.createTopics(List.of(OrderSender.historyTopic("orders", 4))).all().get();
      RegistryAvroSerdes serdes = new RegistryAvroSerdes(registryClient(certificate));
      OrderSender.send(plaintext, "orders", serdes.valueSerde(Order.class).serializer(), history);

      // When the engine runs against the secure listener only, secrets given as environment variables
      Path log = work.resolve("engine.log");
      engine = EngineProcess.start(List.of(), EngineProcess.arguments(engineSettings(certificate)),
          secrets(certificate), log);

      // Then it counts every order, and its log names none of the secrets
      LtvCheck.awaitConsumedAll(admin, APPLICATION_ID, "orders", TIMEOUT);
      try (TopicReader<CustomerLtv> ltv =
          new TopicReader<>(plaintext, "customer-ltv", serdes.valueSerde(CustomerLtv.class).deserializer())) {
        LtvCheck.assertLatestTotals(ltv, CustomerTotals.recompute(history));
      }
      engine.close();
      engine = null;
      String output = Files.readString(log);
      assertThat(output).isNotBlank()
          .doesNotContain(SASL_PASSWORD).doesNotContain(REGISTRY_PASSWORD).doesNotContain(STORE_PASSWORD);
    }
  }

  private static EmbeddedKafkaBroker.AdditionalListener secureListener(SelfSignedCertificate certificate) {
    return new EmbeddedKafkaBroker.AdditionalListener("SECURE", "SASL_SSL", Map.of(
        "sasl.enabled.mechanisms", "SCRAM-SHA-512",
        "listener.name.secure.scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;",
        "listener.name.secure.ssl.keystore.location", certificate.keyStore().toString(),
        "listener.name.secure.ssl.keystore.password", certificate.password(),
        "listener.name.secure.ssl.keystore.type", "PKCS12"));
  }

  /** The non-secret settings, on the command line. */
  private Map<String, String> engineSettings(SelfSignedCertificate certificate) {
    Map<String, String> settings =
        FaultSettings.engine(broker.additionalBootstrapServers(), registry.url(), APPLICATION_ID);
    settings.put("security.protocol", "SASL_SSL");
    settings.put("sasl.mechanism", "SCRAM-SHA-512");
    settings.put("ssl.truststore.location", certificate.trustStore().toString());
    settings.put("ssl.truststore.type", "PKCS12");
    settings.put("basic.auth.credentials.source", "USER_INFO");
    settings.put("schema.registry.ssl.truststore.location", certificate.trustStore().toString());
    settings.put("schema.registry.ssl.truststore.type", "PKCS12");
    return settings;
  }

  /** The secrets, as environment variables (LTV_FOO_BAR sets foo.bar). */
  private static Map<String, String> secrets(SelfSignedCertificate certificate) {
    return Map.of(
        "LTV_SASL_JAAS_CONFIG",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ltv\" password=\""
            + SASL_PASSWORD + "\";",
        "LTV_SSL_TRUSTSTORE_PASSWORD", certificate.password(),
        "LTV_BASIC_AUTH_USER_INFO", "ltv-registry:" + REGISTRY_PASSWORD,
        "LTV_SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", certificate.password());
  }

  private Map<String, Object> registryClient(SelfSignedCertificate certificate) {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", registry.url());
    config.put("basic.auth.credentials.source", "USER_INFO");
    config.put("basic.auth.user.info", "ltv-registry:" + REGISTRY_PASSWORD);
    config.put("schema.registry.ssl.truststore.location", certificate.trustStore().toString());
    config.put("schema.registry.ssl.truststore.password", certificate.password());
    config.put("schema.registry.ssl.truststore.type", "PKCS12");
    return config;
  }
}
