package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.streams.stores.PendingCohortDeltas;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Punctuator;

/** Sends this task's summed cohort changes on for aggregation, one record per touched cell. */
final class CohortFlushPunctuator implements Punctuator {

  private final PendingCohortDeltas pending;
  private final Outputs outputs;

  CohortFlushPunctuator(PendingCohortDeltas pending, Outputs outputs) {
    this.pending = pending;
    this.outputs = outputs;
  }

  @Override
  public void punctuate(long timestamp) {
    for (KeyValue<String, CohortDelta> cell : pending.drain()) {
      outputs.cohortDelta(cell.key, cell.value, timestamp);
    }
  }
}
