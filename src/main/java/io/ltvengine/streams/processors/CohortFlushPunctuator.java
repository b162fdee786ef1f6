package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.streams.stores.PendingCohortDeltas;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Sends this task's summed cohort changes on for aggregation, one record per touched cell. */
public final class CohortFlushPunctuator implements Punctuator {

  private final ProcessorContext<String, SpecificRecord> context;
  private final PendingCohortDeltas pending;
  private final String child;

  CohortFlushPunctuator(
      ProcessorContext<String, SpecificRecord> context, PendingCohortDeltas pending, String child) {
    this.context = context;
    this.pending = pending;
    this.child = child;
  }

  @Override
  public void punctuate(long timestamp) {
    for (KeyValue<String, CohortDelta> cell : pending.drain()) {
      context.forward(new Record<>(cell.key, cell.value, timestamp), child);
    }
  }
}
