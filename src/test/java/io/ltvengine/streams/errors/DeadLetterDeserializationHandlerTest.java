package io.ltvengine.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.registry.InvalidWireFormatException;
import io.ltvengine.registry.SchemaRegistryUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterDeserializationHandlerTest {

  private static final byte[] KEY = "c1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = {1, 2, 3};

  private final DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();

  @BeforeEach
  void configure() {
    handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "orders-dlq"));
  }

  @Test
  void shouldResumeWithADeadLetterCarryingReasonAndSource() {
    Exception error =
        new InvalidWireFormatException(InvalidWireFormatException.Reason.UNKNOWN_SCHEMA_ID, "id 7");

    Response response = handler.handleError(context(), record(), error);

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
    assertThat(dead.topic()).isEqualTo("orders-dlq");
    assertThat(dead.key()).isEqualTo(KEY);
    assertThat(dead.value()).isEqualTo(VALUE);
    assertThat(header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("unknown-schema-id");
    assertThat(header(dead.headers(), "__streams.errors.topic")).isEqualTo("orders");
    assertThat(header(dead.headers(), "__streams.errors.partition")).isEqualTo("3");
    assertThat(header(dead.headers(), "__streams.errors.offset")).isEqualTo("42");
  }

  @Test
  void shouldNameTheReasonOfEachKindOfUnreadableRecord() {
    assertThat(reasonOf(new InvalidWireFormatException(InvalidWireFormatException.Reason.UNKNOWN_MAGIC_BYTE, "x")))
        .isEqualTo("unknown-magic-byte");
    assertThat(reasonOf(new InvalidWireFormatException(InvalidWireFormatException.Reason.MALFORMED_AVRO, "x")))
        .isEqualTo("undeserializable");
    assertThat(reasonOf(new SerializationException("other"))).isEqualTo("undeserializable");
    assertThat(reasonOf(new org.apache.avro.AvroTypeException("a schema reference it cannot resolve")))
        .as("reason of a record whose schema cannot be resolved")
        .isEqualTo("undeserializable");
  }

  @Test
  void shouldFailRatherThanDropOrdersWhenTheRegistryIsUnreachable() {
    Response response =
        handler.handleError(context(), record(), new SchemaRegistryUnavailableException("down", null));

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  private String reasonOf(Exception error) {
    Response response = handler.handleError(context(), record(), error);
    return header(response.deadLetterQueueRecords().get(0).headers(), DeadLetterHeaders.REASON);
  }

  static ConsumerRecord<byte[], byte[]> record() {
    return new ConsumerRecord<>("orders", 3, 42L, KEY, VALUE);
  }

  static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static ErrorHandlerContext context() {
    return new ErrorHandlerContext() {
      @Override public String topic() { return "orders"; }
      @Override public int partition() { return 3; }
      @Override public long offset() { return 42; }
      @Override public Headers headers() { return new RecordHeaders(); }
      @Override public String processorNodeId() { return "orders-source"; }
      @Override public TaskId taskId() { return new TaskId(0, 3); }
      @Override public long timestamp() { return 0; }
      @Override public byte[] sourceRawKey() { return KEY; }
      @Override public byte[] sourceRawValue() { return VALUE; }
    };
  }
}
