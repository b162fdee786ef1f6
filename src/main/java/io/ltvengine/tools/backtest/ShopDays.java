package io.ltvengine.tools.backtest;

import io.ltvengine.model.data.Transaction;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Transactions as the literature counts them: all purchases of one customer on one day are one
 * purchase, their amounts summed. Customers keep the order in which they first appear.
 */
record ShopDays(Map<String, TreeMap<LocalDate, Double>> spendByDay) {

  static ShopDays of(List<Transaction> transactions) {
    Map<String, TreeMap<LocalDate, Double>> days = new LinkedHashMap<>();
    for (Transaction t : transactions) {
      days.computeIfAbsent(t.customerId(), id -> new TreeMap<>()).merge(t.date(), t.amount(), Double::sum);
    }
    return new ShopDays(days);
  }

  /** Customers whose first purchase is no later than {@code end}. */
  List<String> customersAcquiredBy(LocalDate end) {
    return spendByDay.entrySet().stream()
        .filter(customer -> !customer.getValue().firstKey().isAfter(end))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The customer's purchase days after {@code from}, up to and including {@code to}. */
  Map<LocalDate, Double> between(String customerId, LocalDate from, LocalDate to) {
    return spendByDay.get(customerId).subMap(from, false, to, true);
  }

  /** The customer's purchase days up to and including {@code to}. */
  Map<LocalDate, Double> upTo(String customerId, LocalDate to) {
    return spendByDay.get(customerId).headMap(to, true);
  }
}
