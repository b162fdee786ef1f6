package io.ltvengine.streams.errors;

import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.valuation.RejectReason;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What both dead-letter handlers do with a bad record: ask the breaker, count it. */
final class DeadLetterRouting {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouting.class);

  private final LtvMetrics metrics;
  private final DeadLetterBreaker breaker;

  private DeadLetterRouting(LtvMetrics metrics, DeadLetterBreaker breaker) {
    this.metrics = metrics;
    this.breaker = breaker;
  }

  static DeadLetterRouting from(Map<String, ?> configs) {
    return new DeadLetterRouting(LtvMetrics.from(configs), DeadLetterBreaker.from(configs));
  }

  DeadLetterBreaker breaker() {
    return breaker;
  }

  /** Whether the record may go to the dead letters; false once the breaker has tripped. */
  boolean admit(RejectReason reason, ErrorHandlerContext context) {
    if (!breaker.admit(reason.code())) {
      LOG.error("Not dead-lettering {}-{}@{}: {}", context.topic(), context.partition(), context.offset(),
          breaker.tripped().orElse("breaker tripped"));
      return false;
    }
    metrics.deadLetter(reason.code());
    return true;
  }

  static void environmentFailure(ErrorHandlerContext context, Exception exception) {
    LOG.error("Stopping the task at {}-{}@{}: the environment failed, not the record",
        context.topic(), context.partition(), context.offset(), exception);
  }
}
