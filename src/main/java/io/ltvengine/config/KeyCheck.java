package io.ltvengine.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.kafka.common.config.ConfigException;

/**
 * Stops a start on a key that looks like the engine's but is not one of its settings: a key in an
 * engine namespace ({@code churn.}, {@code model.}, ...) that is not declared, or any key a typo
 * away from an engine key. Kafka client, Streams and registry keys are left to those clients.
 */
final class KeyCheck {

  /** The schema registry client's keys that share an engine namespace. */
  private static final Set<String> REGISTRY_KEYS_IN_ENGINE_NAMESPACES =
      Set.of("http.connect.timeout.ms", "http.read.timeout.ms");

  /** Edits that still count as a typo of an engine key outside the engine's namespaces. */
  private static final int TYPO_DISTANCE = 2;

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

  private KeyCheck() {}

  static void requireKnownEngineKeys(Collection<String> keys, Set<String> engineKeys) {
    Set<String> namespaces = engineKeys.stream().map(KeyCheck::namespace).collect(Collectors.toSet());
    for (String key : keys) {
      if (engineKeys.contains(key) || REGISTRY_KEYS_IN_ENGINE_NAMESPACES.contains(key)) {
        continue;
      }
      Optional<String> meant = closest(key, engineKeys);
      boolean inEngineNamespace = namespaces.contains(namespace(key));
      boolean typo = meant.filter(m -> DISTANCE.apply(key, m) <= TYPO_DISTANCE).isPresent();
      if (inEngineNamespace || typo) {
        throw new ConfigException(
            "Unknown engine setting '" + key + "'" + meant.map(m -> "; did you mean '" + m + "'?").orElse("")
                + " (java -jar ltv.jar run --help lists every setting)");
      }
    }
  }

  private static Optional<String> closest(String key, Set<String> engineKeys) {
    return engineKeys.stream()
        .min(Comparator.comparingInt((String candidate) -> DISTANCE.apply(key, candidate)))
        .filter(candidate -> DISTANCE.apply(key, candidate) <= Math.max(TYPO_DISTANCE, key.length() / 3));
  }

  private static String namespace(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? key : key.substring(0, dot);
  }
}
