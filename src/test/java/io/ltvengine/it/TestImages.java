package io.ltvengine.it;

import org.testcontainers.utility.DockerImageName;

/**
 * Docker images of the integration tests. The defaults are the public images; machines that cannot reach
 * Docker Hub build look-alikes with docker/build-images.sh and pass their names as system properties
 * ({@code -Dkafka.image=ltv/kafka:4.3.1}), which Failsafe forwards from the pom properties of the same name.
 */
public final class TestImages {

  private TestImages() {}

  /** A Kafka broker honouring the environment contract of {@code apache/kafka}. */
  public static DockerImageName kafka() {
    return image("kafka.image", "apache/kafka:4.3.1", "apache/kafka");
  }

  public static DockerImageName schemaRegistry() {
    return image("schema.registry.image", "confluentinc/cp-schema-registry:8.1.0",
        "confluentinc/cp-schema-registry");
  }

  /** The application image built from docker/Dockerfile. */
  public static DockerImageName app() {
    return DockerImageName.parse(System.getProperty("app.image", "ltv-engine:0.1.0-SNAPSHOT"));
  }

  // Testcontainers' modules accept only their own image names unless told that another one stands in.
  private static DockerImageName image(String property, String defaultName, String substitutedName) {
    return DockerImageName.parse(System.getProperty(property, defaultName))
        .asCompatibleSubstituteFor(substitutedName);
  }
}
