package io.ltvengine.app.cli;

import io.ltvengine.streams.RegistryAvroSerdes;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** Where {@code fit} reads live orders from and publishes its parameters to. */
final class KafkaOptions {

  @Option(names = "--from-topic", paramLabel = "TOPIC", description = "Read the order history from this Kafka topic instead of --input.")
  String fromTopic;

  @Option(names = "--publish", description = "Publish the fitted parameters to the model topic, where running engines pick them up.")
  boolean publish;

  @Option(names = "--model-topic", defaultValue = "ltv-model", description = "Model topic for --publish. Default: ${DEFAULT-VALUE}.")
  String modelTopic;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka brokers, for --from-topic and --publish.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Schema Registry, for --from-topic and --publish.")
  String schemaRegistryUrl;

  boolean usesKafka() {
    return fromTopic != null || publish;
  }

  Properties clientProperties() {
    Properties properties = new Properties();
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, require(bootstrapServers, "--bootstrap-servers"));
    return properties;
  }

  RegistryAvroSerdes serdes() {
    return new RegistryAvroSerdes(Map.of("schema.registry.url", require(schemaRegistryUrl, "--schema-registry-url")));
  }

  private static String require(String value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " is required with --from-topic or --publish");
    }
    return value;
  }
}
