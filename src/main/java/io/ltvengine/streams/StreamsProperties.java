package io.ltvengine.streams;

import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.streams.errors.DeadLetterDeserializationHandler;
import io.ltvengine.streams.errors.DeadLetterProcessingHandler;
import io.ltvengine.streams.stores.BoundedMemoryRocksDbConfig;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of the engine: exactly-once, the dead-letter handlers, and
 * latency-minded producer settings, each overridable by the user's own properties.
 */
public final class StreamsProperties {

  static final String DEFAULT_APPLICATION_ID = "ltv-engine";

  /**
   * Kafka Streams lets its producer wait up to 100 ms to fill batches; LTV updates are wanted
   * within milliseconds, and batching still happens under load.
   */
  static final String DEFAULT_LINGER_MS = "5";

  private static final int DEFAULT_STANDBY_REPLICAS = 1;

  private StreamsProperties() {}

  public static Properties of(LtvConfig config, LtvMetrics metrics, DeadLetterBreaker breaker) {
    Properties defaults = new Properties();
    defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, DEFAULT_APPLICATION_ID);
    defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    defaults.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    defaults.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    defaults.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.getString(LtvConfig.TOPIC_DLQ));
    defaults.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), DEFAULT_LINGER_MS);
    defaults.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class.getName());
    // A standby copy of every task on another instance: a failover resumes without restoring
    // from the changelog, and queries are answered from the copy meanwhile.
    defaults.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, DEFAULT_STANDBY_REPLICAS);
    Properties properties = new Properties();
    properties.putAll(defaults);
    properties.putAll(config.properties());
    // The dead-letter handlers are created by Kafka Streams from their class names; they find the
    // engine's counters in their configuration.
    properties.put(LtvMetrics.CONFIG_KEY, metrics);
    properties.put(DeadLetterBreaker.CONFIG_KEY, breaker);
    return properties;
  }
}
