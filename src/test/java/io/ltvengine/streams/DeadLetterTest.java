package io.ltvengine.streams;

import static io.ltvengine.streams.LtvTopologyFixture.START;
import static io.ltvengine.testing.Orders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LineItem;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterTest {

  private final LtvTopologyFixture fixture = new LtvTopologyFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  static Stream<Arguments> invalidOrders() {
    Instant now = START.plus(Duration.ofDays(1));
    return Stream.of(
        invalid("missing-customer-id", o -> o.setCustomerId("")),
        invalid("key-mismatch", o -> o.setCustomerId("someone-else")),
        invalid("missing-order-id", o -> o.setOrderId(" ")),
        invalid("unknown-type", o -> o.setType(OrderType.UNKNOWN)),
        invalid("negative-amount", o -> o.setAmountMinor(-100)),
        invalid("absurd-amount", o -> o.setAmountMinor(500_000_000_00L)),
        invalid("unsupported-currency", o -> o.setCurrency("USD")),
        invalid("unsupported-currency", o -> o.setCurrency("NOT-A-CURRENCY")),
        invalid("future-timestamp", o -> o.setEventTime(now.plus(Duration.ofDays(3)))),
        invalid("invalid-timestamp", o -> o.setEventTime(Instant.EPOCH)),
        invalid("absurd-amount", o -> o.setLineItems(List.of(new LineItem("sku", "books", 1_000_000, Long.MAX_VALUE / 10)))),
        invalid("absurd-size", o -> o.setCustomerId("c1".repeat(200_000))),
        invalid("absurd-size", o -> o.setLineItems(Collections.nCopies(10_000, new LineItem("sku", "books", 1, 0L)))),
        invalid("absurd-margin", o -> o.setMarginMinor(9_000_000_000_000_000L)),
        invalid("absurd-margin", o -> o.setMarginMinor(Long.MIN_VALUE)),
        invalid("line-total-mismatch", o -> o.setLineItems(List.of(new LineItem("sku", "books", 3, 1_000L)))));
  }

  @Test
  void shouldRouteATombstoneToTheDeadLetterTopicAndGoOn() {
    Instant now = START.plus(Duration.ofDays(1));

    fixture.orders.pipeInput("c1", null, now);
    fixture.send(purchase("c1", "good", now, 2_000).build());

    assertThat(header(fixture.deadLetters.readRecord().headers(), "ltv.dlq.reason")).isEqualTo("tombstone");
    assertThat(fixture.ltv.readValuesToList()).as("LTV updates after a tombstone and a valid order").hasSize(1);
  }

  @Test
  void shouldTripTheBreakerInsteadOfDrainingTheTopicIntoTheDeadLetters() {
    // Given every record bad for one reason, as a producer gone wrong would send them
    Instant now = START.plus(Duration.ofDays(1));
    int piped = 0;
    try {
      for (; piped < 1_000; piped++) {
        fixture.orders.pipeInput("c" + piped, null, now);
      }
    } catch (org.apache.kafka.streams.errors.StreamsException stopped) {
      // Then processing stops, a tenth of a window in
    }

    assertThat(fixture.breaker.tripped()).as("the breaker after a run of tombstones").isPresent();
    assertThat(piped).as("records piped before processing stopped").isEqualTo(99);
    assertThat(fixture.deadLetters.readRecordsToList()).as("dead letters written before it tripped").hasSize(99);
  }

  private static Arguments invalid(String reason, UnaryOperator<Order.Builder> spoil) {
    return Arguments.of(reason, spoil);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOrders")
  void shouldRouteASemanticallyInvalidOrderToTheDeadLetterTopicAndGoOn(
      String reason, UnaryOperator<Order.Builder> spoil) {
    Instant now = START.plus(Duration.ofDays(1));
    Order bad = spoil.apply(purchase("c1", "bad", now, 1_000)).build();

    fixture.orders.pipeInput("c1", bad, now);
    fixture.send(purchase("c1", "good", now, 2_000).build());

    TestRecord<byte[], byte[]> dead = fixture.deadLetters.readRecord();
    assertThat(header(dead.headers(), "ltv.dlq.reason")).isEqualTo(reason);
    assertSourceHeaders(dead.headers(), 0);
    assertThat(fixture.deadLetters.isEmpty()).isTrue();
    List<CustomerLtv> updates = fixture.ltv.readValuesToList();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).getNetRevenueMinor()).as("only the valid order counts").isEqualTo(2_000);
  }

  /**
   * TopologyTestDriver skips unreadable records but does not capture the dead letters built for
   * them; {@code DeadLetterDeserializationHandlerTest} and the broker integration tests cover those.
   */
  @Test
  void shouldSkipUnreadableRecordsAndKeepCountingValidOrders() {
    byte[] valid =
        fixture.topics.orders().valueSerde().serializer()
            .serialize(fixture.topics.orders().name(), purchase("c1", "o1", START, 1_000).build());

    fixture.rawOrders.pipeInput("c1", "not avro at all".getBytes(StandardCharsets.UTF_8));
    fixture.rawOrders.pipeInput("c1", ByteBuffer.allocate(9).put((byte) 0).putInt(424242).putInt(7).array());
    fixture.rawOrders.pipeInput("c1", Arrays.copyOf(valid, valid.length / 2));
    fixture.send(purchase("c1", "good", START, 2_000).build());

    List<CustomerLtv> updates = fixture.ltv.readValuesToList();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).getNetRevenueMinor()).isEqualTo(2_000);
  }

  private static void assertSourceHeaders(Headers headers, long offset) {
    assertThat(header(headers, "__streams.errors.topic")).isEqualTo("orders");
    assertThat(header(headers, "__streams.errors.partition")).isEqualTo("0");
    assertThat(header(headers, "__streams.errors.offset")).isEqualTo(Long.toString(offset));
    assertThat(header(headers, "__streams.errors.exception")).isNotBlank();
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    assertThat(header).as("header " + name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
