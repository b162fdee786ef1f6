package io.ltvengine.registry;

import java.util.Map;
import org.apache.avro.Schema;

/**
 * Confluent's subject name strategies, chosen with {@code value.subject.name.strategy} and
 * {@code key.subject.name.strategy} by their Confluent class names (or simple names). A strategy
 * this client does not know is refused when the serde is configured, never ignored.
 */
public enum SubjectNameStrategy {
  /** {@code <topic>-value} or {@code <topic>-key}, the default. */
  TOPIC("TopicNameStrategy"),
  /** The record's full name, for several record types on one topic. */
  RECORD("RecordNameStrategy"),
  /** {@code <topic>-<record full name>}. */
  TOPIC_RECORD("TopicRecordNameStrategy");

  public static final String VALUE_CONFIG = "value.subject.name.strategy";
  public static final String KEY_CONFIG = "key.subject.name.strategy";
  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private final String className;

  SubjectNameStrategy(String className) {
    this.className = className;
  }

  public static SubjectNameStrategy from(Map<String, ?> config, boolean isKey) {
    Object configured = config.get(isKey ? KEY_CONFIG : VALUE_CONFIG);
    if (configured == null) {
      return TOPIC;
    }
    String name = configured instanceof Class<?> type ? type.getName() : String.valueOf(configured).trim();
    for (SubjectNameStrategy strategy : values()) {
      if (name.equals(strategy.className) || name.equals(CONFLUENT_PACKAGE + strategy.className)) {
        return strategy;
      }
    }
    throw new IllegalArgumentException("Unsupported " + (isKey ? KEY_CONFIG : VALUE_CONFIG) + " '" + name
        + "': one of " + CONFLUENT_PACKAGE + "{TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy}");
  }

  public String subject(String topic, boolean isKey, Schema schema) {
    return switch (this) {
      case TOPIC -> topic + (isKey ? "-key" : "-value");
      case RECORD -> schema.getFullName();
      case TOPIC_RECORD -> topic + "-" + schema.getFullName();
    };
  }
}
