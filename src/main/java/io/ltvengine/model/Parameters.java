package io.ltvengine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the read-only, ordered parameter maps the models expose. */
final class Parameters {

  private Parameters() {}

  /** {@code names[i] -> values[i]}, in the papers' order of the parameters. */
  static Map<String, Double> named(String[] names, double... values) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }
}
