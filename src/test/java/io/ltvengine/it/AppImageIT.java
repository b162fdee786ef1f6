package io.ltvengine.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The application image ({@code -Dapp.image}, built from docker/Dockerfile by docker/build-images.sh)
 * starts the engine's command line and, running against a broker, reports healthy.
 */
@RequiresDocker
class AppImageIT {

  private static final int HTTP_PORT = 8080;

  @Test
  void shouldRunTheCommandLineOfTheJar() {
    // Given
    try (GenericContainer<?> app = new GenericContainer<>(TestImages.app())
        .withCommand("--version")
        .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {

      // When
      app.start();

      // Then
      assertThat(app.getLogs()).startsWith("ltv ");
    }
  }

  @Test
  void shouldReportHealthyWhileRunningAgainstTheBroker() throws Exception {
    // Given
    try (Network network = Network.newNetwork();
        KafkaContainer broker = new KafkaContainer(TestImages.kafka())
            .withNetwork(network)
            .withListener("kafka:19092");
        GenericContainer<?> app = new GenericContainer<>(TestImages.app())
            .withNetwork(network)
            .withCommand("run")
            .withEnv("LTV_BOOTSTRAP_SERVERS", "kafka:19092")
            .withEnv("LTV_SCHEMA_REGISTRY_URL", "mock://image-test")
            .withExposedPorts(HTTP_PORT)
            .dependsOn(broker)
            .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(3)))) {

      // When
      app.start();

      // Then
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(
              "http://" + app.getHost() + ":" + app.getMappedPort(HTTP_PORT) + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }
}
