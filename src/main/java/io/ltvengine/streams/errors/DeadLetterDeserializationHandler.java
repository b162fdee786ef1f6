package io.ltvengine.streams.errors;

import io.ltvengine.valuation.RejectReason;
import io.ltvengine.registry.InvalidWireFormatException;
import io.ltvengine.streams.LtvMetrics;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Records whose bytes cannot be read go to the dead-letter topic. A registry that cannot be
 * reached is not the record's fault: that fails the task, to be retried after a restart, rather
 * than dropping valid orders.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private final DeserializationExceptionHandler deadLetter = new LogAndContinueExceptionHandler();

  private LtvMetrics metrics = LtvMetrics.from(Map.of());

  @Override
  public void configure(Map<String, ?> configs) {
    metrics = LtvMetrics.from(configs);
    deadLetter.configure(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (!(exception instanceof SerializationException)) {
      LOG.error("Stopping the task at {}-{}@{}: not a bad record", context.topic(), context.partition(), context.offset(), exception);
      return Response.fail();
    }
    RejectReason reason = reasonOf(exception);
    metrics.deadLetter(reason.code());
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
