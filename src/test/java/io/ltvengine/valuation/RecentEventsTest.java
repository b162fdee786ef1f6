package io.ltvengine.valuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import io.ltvengine.avro.state.CustomerState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

  private static final long DAY = 86_400_000L;

  private final RecentEvents recentEvents = new RecentEvents(30 * DAY, 4);
  private final CustomerState state = CustomerLedger.emptyState();

  private static OrderFacts purchase(String orderId, long eventTime) {
    return new OrderFacts(orderId, orderId + "|PURCHASE", "c1", eventTime, OrderType.PURCHASE, 1_000, null,
        Map.of(), null, SalesChannel.WEB);
  }

  @Test
  void shouldRecognizeAResentOrderWhateverItsTimestampButNotANewOne() {
    recentEvents.remember(state, purchase("o1", DAY));

    assertThat(recentEvents.contains(state, purchase("o1", DAY))).isTrue();
    assertThat(recentEvents.contains(state, purchase("o2", DAY))).isFalse();
    assertThat(recentEvents.contains(state, purchase("o1", 2 * DAY)))
        .as("a resend with a re-stamped event time")
        .isTrue();
  }

  @Test
  void shouldForgetEventsOlderThanTheRetention() {
    recentEvents.remember(state, purchase("o1", DAY));

    recentEvents.remember(state, purchase("o2", 32 * DAY));

    assertThat(recentEvents.contains(state, purchase("o1", DAY))).isFalse();
    assertThat(recentEvents.contains(state, purchase("o2", 32 * DAY))).isTrue();
  }

  @Test
  void shouldKeepOnlyTheLatestEventsBeyondTheBound() {
    // Given five events, the oldest arriving late, with room for four
    for (int day = 2; day <= 5; day++) {
      recentEvents.remember(state, purchase("o" + day, day * DAY));
    }

    recentEvents.remember(state, purchase("o1", DAY));

    // Then the oldest by event time is the one forgotten
    assertThat(state.getRecentEvents()).hasSize(4);
    assertThat(recentEvents.contains(state, purchase("o1", DAY))).isFalse();
    assertThat(recentEvents.contains(state, purchase("o2", 2 * DAY))).isTrue();
  }
}
