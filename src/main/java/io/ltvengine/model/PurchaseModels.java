package io.ltvengine.model;

import java.util.List;
import java.util.Map;

/** Builds or fits a {@link PurchaseModel} by name, e.g. from parameters published on a topic. */
public final class PurchaseModels {

  /** Names accepted by {@link #create} and {@link #fit}. */
  public static final List<String> NAMES = List.of(BgNbd.NAME, ParetoNbd.NAME, ModifiedBgNbd.NAME);

  private PurchaseModels() {}

  /** The model {@code name} with the given parameters (as returned by {@code parameters()}). */
  public static PurchaseModel create(String name, Map<String, Double> parameters) {
    return switch (name) {
      case BgNbd.NAME -> BgNbd.fromParameters(parameters);
      case ParetoNbd.NAME -> ParetoNbd.fromParameters(parameters);
      case ModifiedBgNbd.NAME -> ModifiedBgNbd.fromParameters(parameters);
      default -> throw unknown(name);
    };
  }

  /** Maximum-likelihood fit of the model {@code name}; group rows first for large samples. */
  public static PurchaseModel fit(String name, List<CustomerHistory> rows) {
    return switch (name) {
      case BgNbd.NAME -> BgNbd.fit(rows);
      case ParetoNbd.NAME -> ParetoNbd.fit(rows);
      case ModifiedBgNbd.NAME -> ModifiedBgNbd.fit(rows);
      default -> throw unknown(name);
    };
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException("unknown model '" + name + "', expected one of " + NAMES);
  }
}
