package io.ltvengine.faults;

import io.ltvengine.tools.demo.EmbeddedKafkaBroker;
import io.ltvengine.registry.SchemaRegistryRestFixture;
import org.awaitility.Awaitility;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh embedded broker and REST schema registry for each fault test. JUnit closes them after
 * the test class's own {@code @AfterEach} methods, so engines stopped there still have their cluster.
 */
final class FaultCluster implements BeforeEachCallback, AfterEachCallback {

  private EmbeddedKafkaBroker broker;
  private SchemaRegistryRestFixture registry;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    // Fault tests fail stream threads on purpose; the engine handles that, so a wait must not
    // take it for the test failing.
    Awaitility.doNotCatchUncaughtExceptionsByDefault();
    broker = EmbeddedKafkaBroker.start();
    registry = new SchemaRegistryRestFixture().start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Awaitility.reset();
    registry.close();
    broker.close();
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  String registryUrl() {
    return registry.url();
  }

  SchemaRegistryRestFixture registry() {
    return registry;
  }

  /** Client settings for an admin client of this cluster. */
  Map<String, Object> client() {
    return Map.of("bootstrap.servers", broker.bootstrapServers());
  }
}
