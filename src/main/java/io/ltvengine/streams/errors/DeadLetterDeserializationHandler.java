package io.ltvengine.streams.errors;

import io.ltvengine.valuation.RejectReason;
import io.ltvengine.registry.InvalidWireFormatException;
import io.ltvengine.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Records whose bytes cannot be read go to the dead-letter topic with their reason, whatever the
 * decoder threw. A registry that cannot be reached or refuses the engine (an outage, credentials)
 * is not the record's fault: that fails the task, to be retried, rather than dropping valid orders.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private final DeserializationExceptionHandler deadLetter = new LogAndContinueExceptionHandler();

  private DeadLetterRouting routing = DeadLetterRouting.from(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    routing = DeadLetterRouting.from(configs);
    deadLetter.configure(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof SchemaRegistryException) {
      DeadLetterRouting.environmentFailure(context, exception);
      return Response.fail();
    }
    routing.breaker().seen();
    RejectReason reason = reasonOf(exception);
    if (!routing.admit(reason, context)) {
      return Response.fail();
    }
    Response response = deadLetter.handleError(context, record, exception);
    DeadLetterHeaders.withReason(response.deadLetterQueueRecords(), reason);
    return response;
  }

  static RejectReason reasonOf(Exception exception) {
    if (!(exception instanceof InvalidWireFormatException wireFormat)) {
      return RejectReason.UNDESERIALIZABLE;
    }
    return switch (wireFormat.reason()) {
      case UNKNOWN_MAGIC_BYTE -> RejectReason.UNKNOWN_MAGIC_BYTE;
      case UNKNOWN_SCHEMA_ID -> RejectReason.UNKNOWN_SCHEMA_ID;
      default -> RejectReason.UNDESERIALIZABLE;
    };
  }
}
