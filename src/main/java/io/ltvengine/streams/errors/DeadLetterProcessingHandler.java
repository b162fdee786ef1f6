package io.ltvengine.streams.errors;

import io.ltvengine.registry.SchemaRegistryException;
import io.ltvengine.valuation.InvalidOrderException;
import io.ltvengine.valuation.RejectReason;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Whatever one record causes is the record's: an invalid order with its reason, any other failure
 * of processing it (a bug, an overflow, a model that cannot score it) as {@code processing-failed},
 * goes to the dead-letter topic and the partition goes on. Only the environment (state stores,
 * Kafka, the registry) stops the task, so that no valid order is skipped for an outage.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private final ProcessingExceptionHandler deadLetter = new LogAndContinueProcessingExceptionHandler();

  private DeadLetterRouting routing = DeadLetterRouting.from(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    routing = DeadLetterRouting.from(configs);
    deadLetter.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (environmental(exception)) {
      DeadLetterRouting.environmentFailure(context, exception);
      return Response.fail();
    }
    RejectReason reason =
        exception instanceof InvalidOrderException invalid ? invalid.reason() : RejectReason.PROCESSING_FAILED;
    if (!routing.admit(reason, context)) {
      return Response.fail();
    }
    Response response = deadLetter.handleError(context, record, exception);
    DeadLetterHeaders.withReason(response.deadLetterQueueRecords(), reason);
    return response;
  }

  static boolean environmental(Exception exception) {
    return exception instanceof StreamsException
        || exception instanceof RetriableException
        || exception instanceof SchemaRegistryException;
  }
}
