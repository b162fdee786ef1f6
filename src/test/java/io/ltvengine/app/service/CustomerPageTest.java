package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerPageTest {

  private static List<Map<String, Object>> customers(String... ids) {
    return Arrays.stream(ids).map(id -> Map.<String, Object>of("customerId", id)).toList();
  }

  @Test
  void shouldCutThePageInIdOrderAndPointTheCursorAtItsLastCustomer() {
    CustomerPage page = CustomerPage.firstOf(customers("c", "a", "d", "b"), 2, false);

    assertThat(page.customers()).extracting(c -> c.get("customerId")).containsExactly("a", "b");
    assertThat(page.nextCursor()).isEqualTo("b");
  }

  @Test
  void shouldEndPagingWhenNothingIsLeftAnywhere() {
    assertThat(CustomerPage.firstOf(customers("b", "a"), 2, false).nextCursor()).isNull();
  }

  @Test
  void shouldGoOnPagingWhenAnInstanceHadMoreThanItSent() {
    assertThat(CustomerPage.firstOf(customers("b", "a"), 2, true).nextCursor()).isEqualTo("b");
  }
}
