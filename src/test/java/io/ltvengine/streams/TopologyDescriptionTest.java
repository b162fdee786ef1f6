package io.ltvengine.streams;

import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Node and store names are deployed state: renaming one orphans a changelog or a consumer offset.
 * This golden test makes any such change deliberate: update the file only on purpose.
 */
class TopologyDescriptionTest {

  @Test
  void shouldKeepTheDeployedTopologyUnchanged() throws IOException {
    LtvConfig config = LtvConfig.defaults();
    Topics topics =
        Topics.create(config, new RegistryAvroSerdes(Map.of("schema.registry.url", "mock://golden")));

    String description =
        LtvTopology.build(config, topics, LtvTopologyFixture.environment(config, new DeadLetterBreaker(1000, 0.5))).describe().toString();

    assertThat(normalize(description)).isEqualTo(normalize(golden()));
  }

  private static String golden() throws IOException {
    try (InputStream in = TopologyDescriptionTest.class.getResourceAsStream("/topology-description.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String normalize(String text) {
    return text.strip().replace("\r\n", "\n");
  }
}
