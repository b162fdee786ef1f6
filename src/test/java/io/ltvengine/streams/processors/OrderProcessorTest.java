package io.ltvengine.streams.processors;

import static io.ltvengine.streams.processors.ProcessorHarness.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.ChurnEventType;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.testing.Orders;
import io.ltvengine.valuation.InvalidOrderException;
import io.ltvengine.valuation.RejectReason;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.junit.jupiter.api.Test;

class OrderProcessorTest {

  private final ProcessorHarness harness = new ProcessorHarness(Map.of());

  @Test
  void shouldForwardAnLtvUpdateAndKeepTheStateOfAPurchase() {
    // When
    harness.process(Orders.purchase("c-1", "o-1", day(0), 4_200).build());

    // Then
    assertThat(harness.forwarded("ltv"))
        .as("one LTV update to the ltv sink")
        .singleElement()
        .isInstanceOfSatisfying(CustomerLtv.class, ltv -> {
          assertThat(ltv.getCustomerId()).isEqualTo("c-1");
          assertThat(ltv.getNetRevenueMinor()).isEqualTo(4_200);
        });
    assertThat(harness.forwarded("alerts")).as("alerts for a first purchase").isEmpty();
    CustomerState state = harness.customers.get("c-1");
    assertThat(state).as("state of c-1 after the purchase").isNotNull();
    assertThat(state.getOrders()).as("orders counted").isEqualTo(1);
    assertThat(state.getNextCheckAt()).as("a churn check booked after the purchase").isGreaterThan(day(0).toEpochMilli());
  }

  @Test
  void shouldForwardNothingForAResentOrder() {
    // Given
    Order order = Orders.purchase("c-1", "o-1", day(0), 4_200).build();
    harness.process(order);
    harness.forget();

    // When
    harness.process(order);

    // Then
    assertThat(harness.context.forwarded()).as("records forwarded for a resent order").isEmpty();
    assertThat(harness.customers.get("c-1").getOrders()).as("orders of c-1 after a resend").isEqualTo(1);
  }

  @Test
  void shouldForwardAReactivationWithTheAlertIdWhenAnAlertedCustomerBuysAgain() {
    // Given a customer with an open churn alert
    harness.process(Orders.purchase("c-1", "o-1", day(0), 4_200).build());
    CustomerState state = harness.customers.get("c-1");
    state.setOpenAlertId("alert-1");
    harness.customers.put("c-1", state);
    harness.forget();

    // When
    harness.process(Orders.purchase("c-1", "o-2", day(90), 1_000).build());

    // Then
    assertThat(harness.forwarded("alerts"))
        .as("a reactivation to the alerts sink")
        .singleElement()
        .isInstanceOfSatisfying(ChurnAlert.class, alert -> {
          assertThat(alert.getType()).isEqualTo(ChurnEventType.REACTIVATED);
          assertThat(alert.getAlertId()).isEqualTo("alert-1");
        });
    assertThat(harness.customers.get("c-1").getOpenAlertId()).as("open alert after the return").isNull();
  }

  @Test
  void shouldRejectAnOrderKeyedByAnotherCustomerWithItsReason() {
    Order order = Orders.purchase("c-1", "o-1", day(0), 4_200).build();

    assertThatThrownBy(() -> harness.processor.process(
            new org.apache.kafka.streams.processor.api.Record<>("c-2", order, day(0).toEpochMilli())))
        .isInstanceOfSatisfying(InvalidOrderException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectReason.KEY_MISMATCH));
    assertThat(harness.customers.approximateNumEntries()).as("customers stored after a rejected order").isZero();
  }

  @Test
  void shouldScheduleTheChurnCheckAndTheCohortFlushOnTheWallClock() {
    assertThat(harness.punctuator(PunctuationType.WALL_CLOCK_TIME, ProcessorHarness.CHURN_CHECK_INTERVAL))
        .isInstanceOf(ChurnPunctuator.class);
    assertThat(harness.punctuator(PunctuationType.WALL_CLOCK_TIME, ProcessorHarness.COHORT_FLUSH_INTERVAL))
        .isInstanceOf(CohortFlushPunctuator.class);
  }
}
