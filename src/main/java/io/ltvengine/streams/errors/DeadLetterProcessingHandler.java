package io.ltvengine.streams.errors;

import io.ltvengine.valuation.InvalidOrderException;
import io.ltvengine.streams.LtvMetrics;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Invalid orders go to the dead-letter topic and processing goes on; any other failure is a bug
 * or an outage and stops the task, so that no valid order is ever skipped.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private final ProcessingExceptionHandler deadLetter = new LogAndContinueProcessingExceptionHandler();

  private LtvMetrics metrics = LtvMetrics.from(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    metrics = LtvMetrics.from(configs);
    deadLetter.configure(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (!(exception instanceof InvalidOrderException invalid)) {
      LOG.error("Stopping the task at {}-{}@{}: not a bad record", context.topic(), context.partition(), context.offset(), exception);
      return Response.fail();
    }
    metrics.deadLetter(invalid.reason().code());
    Response response = deadLetter.handleError(context, record, exception);
    DeadLetterHeaders.withReason(response.deadLetterQueueRecords(), invalid.reason());
    return response;
  }
}
