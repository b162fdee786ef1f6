package io.ltvengine.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import io.ltvengine.avro.state.CustomerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CustomerLedgerTest {

  private static final long DAY = 86_400_000L;

  private static OrderFacts order(OrderType type, long day, long amount, Long margin, Map<String, Long> spend) {
    String main = spend.isEmpty() ? null : spend.keySet().iterator().next();
    return new OrderFacts("o" + day, "o" + day + "|" + type, "c1", day * DAY + 1, type, amount, margin, spend, main, SalesChannel.WEB);
  }

  @Test
  void shouldKeepOnlyTheNewestPurchaseTimesInOrder() {
    List<Long> times = new ArrayList<>();

    LongStream.of(5, 1, 3, 20, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13).forEach(t -> CustomerLedger.insertPurchaseTime(times, t));

    assertThat(times).hasSize(CustomerLedger.MAX_RECENT_PURCHASES).isSorted();
    assertThat(times).first().isEqualTo(3L);
    assertThat(times).last().isEqualTo(20L);
  }

  @Test
  void shouldIgnoreAPurchaseOlderThanAFullWindow() {
    List<Long> times = new ArrayList<>();
    LongStream.rangeClosed(10, 21).forEach(t -> CustomerLedger.insertPurchaseTime(times, t));

    CustomerLedger.insertPurchaseTime(times, 1);

    assertThat(times).first().isEqualTo(10L);
  }

  @Test
  void shouldValueTheRepeatPurchasesWithoutTheFirstEvenWhenItArrivesLate() {
    // Given a customer whose first purchase (day 1, 9,000) arrives after two later ones
    CustomerState state = CustomerLedger.emptyState();
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 5, 1_000, null, Map.of()));
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 9, 2_000, null, Map.of()));
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 1, 9_000, null, Map.of()));

    // Then the mean spend Gamma-Gamma values is that of the two repeat purchases
    assertThat(CustomerLedger.meanRepeatSpendMinor(state)).isEqualTo(1_500.0);
  }

  @Test
  void shouldValueEveryPurchaseForStateKeptBeforeTheFirstAmountWas() {
    // Given state from an engine version that did not keep the first purchase's amount
    CustomerState state = CustomerLedger.emptyState();
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 1, 9_000, null, Map.of()));
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 5, 1_000, null, Map.of()));
    state.setFirstPurchaseMinor(-1);

    // Then the mean is over every purchase, as that version valued them
    assertThat(CustomerLedger.meanRepeatSpendMinor(state)).isEqualTo(5_000.0);
  }

  @Test
  void shouldMarkMarginIncompleteOnceAnOrderLacksIt() {
    CustomerState state = CustomerLedger.emptyState();

    CustomerLedger.apply(state, order(OrderType.PURCHASE, 1, 1_000, 300L, Map.of()));
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 2, 1_000, null, Map.of()));

    assertThat(state.getMarginComplete()).isFalse();
    assertThat(state.getMarginMinor()).isEqualTo(300);
  }

  @Test
  void shouldTakeTheCustomersMarginRateOffARefundWithoutMargin() {
    CustomerState state = CustomerLedger.emptyState();
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 1, 1_000, 400L, Map.of()));

    CustomerLedger.apply(state, order(OrderType.REFUND, 2, 500, null, Map.of()));

    assertThat(state.getMarginMinor()).isEqualTo(200);
    assertThat(CustomerLedger.netRevenueMinor(state)).isEqualTo(500);
  }

  @Test
  void shouldFoldSpendBeyondTheCategoryLimitIntoOther() {
    CustomerState state = CustomerLedger.emptyState();

    for (int i = 0; i < CustomerLedger.MAX_CATEGORIES + 3; i++) {
      CustomerLedger.apply(state, order(OrderType.PURCHASE, i + 1, 100, null, Map.of("cat" + i, 100L)));
    }

    assertThat(state.getCategorySpend()).hasSize(CustomerLedger.MAX_CATEGORIES + 1);
    assertThat(state.getCategorySpend()).containsEntry(CustomerLedger.OTHER_CATEGORY, 300L);
  }

  @Test
  void shouldSetTheAcquisitionCohortFromTheEarliestPurchase() {
    CustomerState state = CustomerLedger.emptyState();

    CustomerLedger.apply(state, order(OrderType.PURCHASE, 40, 100, null, Map.of("toys", 100L)));
    CustomerLedger.apply(state, order(OrderType.PURCHASE, 3, 100, null, Map.of("books", 100L)));

    assertThat(state.getAcquisitionMonth()).isEqualTo(197001);
    assertThat(state.getFirstCategory()).isEqualTo("books");
    assertThat(state.getLastOrder().getOrderId()).isEqualTo("o40");
  }
}
