package io.ltvengine.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the configuration the way Kafka users expect: a properties file, then environment
 * variables, then command-line settings, each overriding the one before.
 *
 * <p>An environment variable {@code LTV_FOO_BAR} sets {@code foo.bar}, as the Confluent images do
 * for their {@code KAFKA_} prefix.
 */
public final class ConfigLoader {

  public static final String ENV_PREFIX = "LTV_";

  private ConfigLoader() {}

  public static Properties load(Path file, Map<String, String> environment, Map<String, String> overrides)
      throws IOException {
    Properties properties = new Properties();
    if (file != null) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      }
    }
    properties.putAll(fromEnvironment(environment));
    properties.putAll(overrides);
    return properties;
  }

  static Properties fromEnvironment(Map<String, String> environment) {
    Properties properties = new Properties();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
            properties.put(keyOf(name.substring(ENV_PREFIX.length())), value);
          }
        });
    return properties;
  }

  static String keyOf(String variable) {
    return variable.toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
