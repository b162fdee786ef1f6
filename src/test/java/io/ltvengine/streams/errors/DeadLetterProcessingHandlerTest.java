package io.ltvengine.streams.errors;

import static io.ltvengine.streams.errors.DeadLetterDeserializationHandlerTest.context;
import static io.ltvengine.streams.errors.DeadLetterDeserializationHandlerTest.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.registry.SchemaRegistryUnavailableException;
import io.ltvengine.valuation.InvalidOrderException;
import io.ltvengine.valuation.RejectReason;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterProcessingHandlerTest {

  private final DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
  private final DeadLetterBreaker breaker = new DeadLetterBreaker(1000, 0.5);

  @BeforeEach
  void configure() {
    handler.configure(Map.of(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "orders-dlq", DeadLetterBreaker.CONFIG_KEY, breaker));
  }

  @Test
  void shouldDeadLetterAnInvalidOrderWithItsReason() {
    Response response = handle(new InvalidOrderException(RejectReason.ABSURD_MARGIN, "margin 9e15"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(header(response.deadLetterQueueRecords().get(0).headers(), DeadLetterHeaders.REASON))
        .isEqualTo("absurd-margin");
  }

  @Test
  void shouldDeadLetterAnyUnexpectedFailureOfOneRecordAndGoOn() {
    Response response = handle(new NullPointerException("a bug"));

    assertThat(response.result()).as("result for a failure that is not the environment's").isEqualTo(Result.RESUME);
    assertThat(header(response.deadLetterQueueRecords().get(0).headers(), DeadLetterHeaders.REASON))
        .isEqualTo("processing-failed");
  }

  @Test
  void shouldFailTheTaskWhenTheEnvironmentFails() {
    assertThat(handle(new ProcessorStateException("disk full")).result()).isEqualTo(Result.FAIL);
    assertThat(handle(new SchemaRegistryUnavailableException("down", null)).result()).isEqualTo(Result.FAIL);
  }

  @Test
  void shouldFailInsteadOfDeadLetteringOnceTheBreakerTripped() {
    for (int i = 0; i < 99; i++) {
      breaker.seen();
      assertThat(handle(new InvalidOrderException(RejectReason.TOMBSTONE, "x")).result()).isEqualTo(Result.RESUME);
    }
    breaker.seen();

    Response tripping = handle(new InvalidOrderException(RejectReason.TOMBSTONE, "x"));

    assertThat(tripping.result()).as("result of the record that trips the breaker").isEqualTo(Result.FAIL);
    assertThat(tripping.deadLetterQueueRecords()).isEmpty();
    assertThat(breaker.tripped()).hasValueSatisfying(why -> assertThat(why).contains("tombstone"));
  }

  @Test
  void shouldNeverTripWithoutTheEnginesBreakerInItsConfiguration() {
    DeadLetterProcessingHandler unconfigured = new DeadLetterProcessingHandler();
    unconfigured.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "orders-dlq"));

    Response response = unconfigured.handleError(
        context(), new Record<>("c1", "order", 0L), new InvalidOrderException(RejectReason.TOMBSTONE, "x"));

    assertThat(response.result()).as("result of a first bad record with no breaker configured").isEqualTo(Result.RESUME);
  }

  private Response handle(Exception exception) {
    return handler.handleError(context(), new Record<>("c1", "order", 0L), exception);
  }
}
