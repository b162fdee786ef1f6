package io.ltvengine.streams.processors;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.avro.state.SegmentShare;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.streams.stores.AudienceBook;
import io.ltvengine.valuation.AudienceMove;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Where a task's records go: each kind to its sink, counted as it leaves. */
final class Outputs {

  private final ProcessorContext<String, SpecificRecord> context;
  private final OrderProcessor.Children children;
  private final LtvMetrics metrics;

  Outputs(ProcessorContext<String, SpecificRecord> context, OrderProcessor.Children children, LtvMetrics metrics) {
    this.context = context;
    this.children = children;
    this.metrics = metrics;
  }

  void ltv(Record<String, ?> cause, CustomerLtv ltv) {
    context.forward(cause.withValue(ltv), children.ltv());
    metrics.ltvUpdate();
  }

  void churnRisk(Record<String, ?> cause, ChurnAlert alert) {
    context.forward(cause.withValue(alert), children.alerts());
    metrics.churnAlert();
  }

  /** The audience move's events go out; the task's audience book follows it. */
  void audienceMove(Record<String, ?> cause, AudienceMove move, AudienceBook book) {
    book.apply(move);
    for (AudienceChange change : move.changes()) {
      context.forward(cause.withValue(change), children.audiences());
    }
  }

  void reactivation(Record<String, ?> cause, ChurnAlert alert) {
    context.forward(cause.withValue(alert), children.alerts());
    metrics.reactivation();
  }

  /** Runs a churn check, timed. */
  void timed(Runnable check) {
    metrics.punctuation().record(check);
  }

  void cohortDelta(String cell, CohortDelta delta, long timestamp) {
    context.forward(new Record<>(cell, delta, timestamp), children.cohortDeltas());
  }

  void segmentShare(String cell, SegmentShare share, long timestamp) {
    context.forward(new Record<>(cell, share, timestamp), children.segmentShares());
  }
}
