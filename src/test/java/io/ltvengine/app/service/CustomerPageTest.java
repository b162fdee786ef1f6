package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerPageTest {

  private static CustomerPage page(String nextCursor, String... ids) {
    List<Map<String, Object>> customers = Arrays.stream(ids).map(id -> Map.<String, Object>of("customerId", id)).toList();
    return new CustomerPage(customers, nextCursor);
  }

  private static List<Object> ids(CustomerPage page) {
    return page.customers().stream().map(c -> c.get("customerId")).toList();
  }

  @Test
  void shouldCutTheMergedPageInIdOrderAndPointTheCursorAtItsLastCustomer() {
    CustomerPage merged = CustomerPage.merge(List.of(page(null, "c", "a"), page(null, "d", "b")), 2);

    assertThat(ids(merged)).containsExactly("a", "b");
    assertThat(merged.nextCursor()).isEqualTo("b");
  }

  @Test
  void shouldEndPagingWhenNothingIsLeftAnywhere() {
    assertThat(CustomerPage.merge(List.of(page(null, "b"), page(null, "a")), 2).nextCursor()).isNull();
  }

  @Test
  void shouldStopAtTheEarliestCutOfASourceThatHadMore() {
    // Given one source cut after "c" (it holds more, unseen) and another that sent "e" at its end
    CustomerPage merged = CustomerPage.merge(List.of(page("c", "a", "c"), page(null, "b", "e")), 10);

    // Then "e" waits for the next page, which starts after "c": nothing between is skipped
    assertThat(ids(merged)).containsExactly("a", "b", "c");
    assertThat(merged.nextCursor()).isEqualTo("c");
  }
}
