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
   * One page from pages of several sources (partitions, instances), each in id order. A source
   * whose page has a next cursor was cut there: what it holds beyond is unseen, so the merged page
   * ends at the earliest such cut, and continues from it.
   */
  public static CustomerPage merge(List<CustomerPage> pages, int limit) {
    String cut = pages.stream().map(CustomerPage::nextCursor).filter(next -> next != null)
        .min(Comparator.naturalOrder()).orElse(null);
    List<Map<String, Object>> seen = new ArrayList<>();
    pages.forEach(page -> page.customers().stream().filter(c -> cut == null || id(c).compareTo(cut) <= 0).forEach(seen::add));
    seen.sort(Comparator.comparing(CustomerPage::id));
    if (seen.size() > limit) {
      List<Map<String, Object>> page = List.copyOf(seen.subList(0, limit));
      return new CustomerPage(page, id(page.get(limit - 1)));
    }
    return new CustomerPage(seen, cut);
  }

  private static String id(Map<String, Object> customer) {
    return String.valueOf(customer.get("customerId"));
  }
}
