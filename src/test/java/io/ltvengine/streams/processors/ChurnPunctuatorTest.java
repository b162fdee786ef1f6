package io.ltvengine.streams.processors;

import static io.ltvengine.streams.processors.ProcessorHarness.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.ChurnEventType;
import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LifecycleSegment;
import io.ltvengine.testing.Orders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The churn check on its own: the punctuator the order processor scheduled, run at chosen times.
 * With the defaults a one-time buyer is quiet after 2 x the default 30-day gap.
 */
class ChurnPunctuatorTest {

  private final ProcessorHarness harness = new ProcessorHarness(Map.of());

  @Test
  void shouldEmitAlertOnceWhenCustomerGoesQuiet() {
    // Given a one-time buyer
    harness.process(Orders.purchase("c-1", "o-1", day(0), 4_200).build());
    harness.forget();

    // When the check runs after 61 quiet days, and again a day later
    harness.checkChurnAt(day(61));
    var firstCheck = harness.forwarded("alerts");
    var ltvAtFirstCheck = harness.forwarded("ltv");
    harness.forget();
    harness.checkChurnAt(day(62));

    // Then
    assertThat(firstCheck)
        .as("alerts of the first check after 61 quiet days")
        .singleElement()
        .isInstanceOfSatisfying(ChurnAlert.class, alert -> {
          assertThat(alert.getType()).isEqualTo(ChurnEventType.CHURN_RISK);
          assertThat(alert.getRiskTier()).isEqualTo(ChurnRiskTier.HIGH);
        });
    assertThat(ltvAtFirstCheck)
        .as("the LTV update that goes with the alert")
        .singleElement()
        .isInstanceOfSatisfying(CustomerLtv.class, ltv -> assertThat(ltv.getSegment()).isEqualTo(LifecycleSegment.LAPSED));
    assertThat(harness.context.forwarded()).as("records of the second check in the same quiet episode").isEmpty();
    assertThat(harness.customers.get("c-1").getOpenAlertId()).as("open alert id").isNotNull();
  }

  @Test
  void shouldMoveAQuietCustomerToMediumRiskWithoutAlertingBeforeTheirAlertIsDue() {
    // Given a one-time buyer, judged by the population's 30-day rhythm: MEDIUM risk after 30 quiet
    // days, HIGH with the alert after 60
    harness.process(Orders.purchase("c-1", "o-1", day(0), 4_200).build());
    harness.forget();

    // When the check runs after 59 quiet days
    harness.checkChurnAt(day(59));

    // Then no alert, but the customer's new risk tier is told
    assertThat(harness.context.forwarded()).as("records of the check")
        .extracting(forward -> forward.childName().orElseThrow() + " " + describe(forward.record().value()))
        .containsExactly("ltv MEDIUM", "audiences LEFT LOW", "audiences JOINED MEDIUM");
  }

  private static String describe(Object value) {
    if (value instanceof AudienceChange change) {
      return change.getChange() + " " + change.getAudience();
    }
    return ((CustomerLtv) value).getChurnRiskTier().name();
  }

  @Test
  void shouldRebookACheckThatCameDueEarlyInsteadOfAlerting() {
    // Given a customer whose booked check lies before their actual quiet time: a second purchase
    // moved the quiet time later and left the booking alone
    harness.process(Orders.purchase("c-1", "o-1", day(0), 4_200).build());
    long firstBooking = harness.customers.get("c-1").getNextCheckAt();
    harness.process(Orders.purchase("c-1", "o-2", day(30), 4_200).build());
    harness.forget();

    // When the check runs at the first booking
    harness.checkChurnAt(java.time.Instant.ofEpochMilli(firstBooking));

    // Then
    assertThat(harness.context.forwarded()).as("records of a check that came due early").isEmpty();
    assertThat(harness.customers.get("c-1").getNextCheckAt())
        .as("the check rebooked after the second purchase's quiet time")
        .isGreaterThan(firstBooking);
  }

  @Test
  void shouldHoldTheCheckWhileTheTaskWorksThroughABacklogOfOldOrders() {
    // Given an order processed 70 days after it happened, later than the one-hour tolerance
    harness.context.setCurrentSystemTimeMs(day(70).toEpochMilli());
    harness.process(Orders.purchase("c-1", "o-1", day(0), 4_200).build());
    harness.forget();

    // When the check runs
    harness.checkChurnAt(day(70));

    // Then the customer is not judged until the backlog is worked off
    assertThat(harness.context.forwarded()).as("records of a check held for the backlog").isEmpty();
    harness.checkChurnAt(day(70).plusSeconds(60));
    assertThat(harness.forwarded("alerts")).as("alerts once the backlog is worked off").hasSize(1);
  }
}
