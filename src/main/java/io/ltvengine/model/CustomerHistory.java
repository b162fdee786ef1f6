package io.ltvengine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's (or a group of identical customers') purchase summary at the end of the
 * calibration period, in the notation of the buy-till-you-die papers.
 *
 * @param x number of repeat purchases (purchases after the first)
 * @param tx time of the last purchase, measured from the first purchase (0 when x = 0)
 * @param age T in the papers: time from the first purchase to the end of calibration
 * @param meanSpend mean value of the repeat purchases (zbar), 0 when x = 0
 * @param weight number of customers this row stands for (1 for a single customer)
 */
public record CustomerHistory(int x, double tx, double age, double meanSpend, double weight) {

  public CustomerHistory {
    if (x < 0 || tx < 0 || age < tx || weight <= 0) {
      throw new IllegalArgumentException(
          "need x >= 0, 0 <= tx <= age and weight > 0, got x=%d tx=%s age=%s weight=%s"
              .formatted(x, tx, age, weight));
    }
  }

  /** A single customer without spend information. */
  public static CustomerHistory of(int x, double tx, double age) {
    return new CustomerHistory(x, tx, age, 0, 1);
  }

  /** A customer who has just made the first purchase. */
  public static CustomerHistory newCustomer() {
    return of(0, 0, 0);
  }

  /**
   * Merges customers with identical (x, tx, age) into weighted rows, so a likelihood is evaluated
   * once per distinct history instead of once per customer. Spend is dropped.
   */
  public static List<CustomerHistory> groupByHistory(List<CustomerHistory> customers) {
    record Key(int x, double tx, double age) {}
    Map<Key, Double> weights = new LinkedHashMap<>();
    for (CustomerHistory c : customers) {
      weights.merge(new Key(c.x, c.tx, c.age), c.weight, Double::sum);
    }
    return weights.entrySet().stream()
        .map(e -> new CustomerHistory(e.getKey().x, e.getKey().tx, e.getKey().age, 0, e.getValue()))
        .toList();
  }
}
