package io.ltvengine.app.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One page of customers in id order.
 *
 * @param nextCursor the cursor of the next page, or null on the last page
 */
public record CustomerPage(List<Map<String, Object>> customers, String nextCursor) {

  /**
   * The first {@code limit} customers by id. There is a next page if any were left over, or if
   * {@code moreElsewhere}: a source of these customers had more than it sent.
   */
  public static CustomerPage firstOf(List<Map<String, Object>> customers, int limit, boolean moreElsewhere) {
    List<Map<String, Object>> sorted = new ArrayList<>(customers);
    sorted.sort(Comparator.comparing(CustomerPage::id));
    if (sorted.size() <= limit) {
      String next = moreElsewhere && !sorted.isEmpty() ? id(sorted.get(sorted.size() - 1)) : null;
      return new CustomerPage(sorted, next);
    }
    List<Map<String, Object>> page = List.copyOf(sorted.subList(0, limit));
    return new CustomerPage(page, id(page.get(limit - 1)));
  }

  private static String id(Map<String, Object> customer) {
    return String.valueOf(customer.get("customerId"));
  }
}
