package io.ltvengine.it;

import io.ltvengine.registry.SchemaRegistryRestFixture;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * A real Confluent Schema Registry container where its image is present, otherwise the registry
 * REST API served by a test fixture. Either way the engine talks REST to it; {@link #kind()} says
 * which one, for the test report.
 */
final class SchemaRegistryUnderTest implements AutoCloseable {

  private static final int PORT = 8081;

  private final GenericContainer<?> container;
  private final SchemaRegistryRestFixture fixture;

  private SchemaRegistryUnderTest(GenericContainer<?> container, SchemaRegistryRestFixture fixture) {
    this.container = container;
    this.fixture = fixture;
  }

  /** @param kafkaInNetwork the broker's bootstrap address as seen from inside {@code network} */
  static SchemaRegistryUnderTest start(Network network, String kafkaInNetwork) {
    if (!imagePresent(TestImages.schemaRegistry().asCanonicalNameString())) {
      return new SchemaRegistryUnderTest(null, new SchemaRegistryRestFixture().start());
    }
    GenericContainer<?> registry =
        new GenericContainer<>(TestImages.schemaRegistry())
            .withNetwork(network)
            .withExposedPorts(PORT)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + PORT)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + kafkaInNetwork)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
    registry.start();
    return new SchemaRegistryUnderTest(registry, null);
  }

  String url() {
    return container != null
        ? "http://" + container.getHost() + ":" + container.getMappedPort(PORT)
        : fixture.url();
  }

  String kind() {
    return container != null ? "container " + TestImages.schemaRegistry() : "REST fixture (no registry image present)";
  }

  private static boolean imagePresent(String image) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      return true;
    } catch (RuntimeException notFound) {
      return false;
    }
  }

  @Override
  public void close() {
    if (container != null) {
      container.stop();
    } else {
      fixture.close();
    }
  }
}
