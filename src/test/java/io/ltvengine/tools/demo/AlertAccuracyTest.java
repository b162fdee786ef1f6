package io.ltvengine.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertAccuracyTest {

  private static final Instant END = Instant.parse("2025-06-01T00:00:00Z");
  private static final Duration GRACE = Duration.ofDays(30);

  @Test
  void shouldCountOnlyOpenAlertsOnDroppedOutCustomersAsRight() {
    // Given a dropout alerted, an alive customer alerted, and a dropout whose earlier alert was
    // followed by a purchase (a false alarm at the time)
    List<CustomerTruth> truths = List.of(
        droppedOut("gone", END.minus(Duration.ofDays(60))),
        alive("busy"),
        droppedOut("back-then-gone", END.minus(Duration.ofDays(10))));
    Map<String, String> alerts = Map.of("a1", "gone", "a2", "busy", "a3", "back-then-gone");

    // When compared with the truth
    AlertAccuracy accuracy = AlertAccuracy.of(alerts, Set.of("a3"), truths, END, GRACE);

    // Then one alert in three was right, and one dropout in two is openly alerted
    assertThat(accuracy.alerts()).isEqualTo(3);
    assertThat(accuracy.rightAlerts()).isEqualTo(1);
    assertThat(accuracy.precision()).isEqualTo(1 / 3.0);
    assertThat(accuracy.droppedOut()).isEqualTo(2);
    assertThat(accuracy.recall()).isEqualTo(0.5);
  }

  @Test
  void shouldMeasureLongDropoutRecallOnlyOnCustomersGoneLongerThanTheGrace() {
    // Given one dropout long ago and unalerted, and one recent dropout alerted
    List<CustomerTruth> truths = List.of(
        droppedOut("long-gone", END.minus(Duration.ofDays(45))),
        droppedOut("just-gone", END.minus(Duration.ofDays(5))));

    // When compared with the truth
    AlertAccuracy accuracy = AlertAccuracy.of(Map.of("a1", "just-gone"), Set.of(), truths, END, GRACE);

    // Then the long dropouts were all missed, though half of all dropouts were caught
    assertThat(accuracy.longDroppedOut()).isEqualTo(1);
    assertThat(accuracy.longDropoutRecall()).isZero();
    assertThat(accuracy.recall()).isEqualTo(0.5);
  }

  @Test
  void shouldReportNoRatioWhenThereIsNothingToDivideBy() {
    AlertAccuracy accuracy = AlertAccuracy.of(Map.of(), Set.of(), List.of(alive("busy")), END, GRACE);

    assertThat(accuracy.precision()).isNaN();
    assertThat(accuracy.recall()).isNaN();
  }

  private static CustomerTruth droppedOut(String id, Instant lastPurchase) {
    return truth(id, Optional.of(lastPurchase));
  }

  private static CustomerTruth alive(String id) {
    return truth(id, Optional.empty());
  }

  private static CustomerTruth truth(String id, Optional<Instant> droppedOutAt) {
    return new CustomerTruth(id, END.minus(Duration.ofDays(200)), "books", 0.1, 0.2, 3000, 3,
        droppedOutAt.orElse(END.minus(Duration.ofDays(2))), droppedOutAt);
  }
}
