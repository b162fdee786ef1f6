package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.streams.stores.TaskSketch;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.SegmentSketch;
import io.ltvengine.valuation.Valuation;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Walks the task's customers over and over, a batch per punctuation, and sketches their
 * distribution (value, orders, net revenue, last purchase); at the end of each walk the new
 * sketch replaces the last, and with it the value-tier thresholds and RFM quintiles. On the way
 * each customer is moved to the value tier the current thresholds give them (reason RANKED), and
 * a customer an earlier version left uncounted is counted (COUNTED). The walk resumes after the
 * last key of the previous batch, so no iterator outlives a punctuation. A walk that met no move
 * and left the ranking as it was is not repeated until a customer moves: an idle task neither
 * reads its customers nor writes its changelog.
 */
final class SegmentWalk implements Punctuator {

  private final Valuation valuation;
  private final Task task;
  private final Outputs outputs;
  private final int batch;
  private SegmentSketch walking = SegmentSketch.empty();
  private String lastKey;
  /** The audience book's moves when the walk under way started. */
  private long movesAtStart;
  /** The moves a complete walk has seen all of; none yet after a start. */
  private long movesWalked = -1;

  SegmentWalk(Valuation valuation, Task task, Outputs outputs, int batch) {
    this.valuation = valuation;
    this.task = task;
    this.outputs = outputs;
    this.batch = batch;
  }

  @Override
  public void punctuate(long timestamp) {
    long now = valuation.clock().at(timestamp);
    TaskSketch sketch = task.sketch();
    if (lastKey == null) {
      if (task.audiences().moves() == movesWalked) {
        return;
      }
      movesAtStart = task.audiences().moves();
    }
    int seen = 0;
    try (KeyValueIterator<String, CustomerState> customers =
        lastKey == null ? task.customers().all() : task.customers().range(lastKey + '\0', null)) {
      while (seen < batch && customers.hasNext()) {
        KeyValue<String, CustomerState> customer = customers.next();
        lastKey = customer.key;
        seen++;
        valuation.rank(customer.key, customer.value, now, task.judging()).ifPresent(move -> {
          task.customers().put(customer.key, customer.value);
          outputs.audienceMove(new Record<>(customer.key, null, now), move, task.audiences());
        });
        if (CustomerLedger.hasPurchased(customer.value)) {
          walking.add(customer.key, customer.value, sketch.quintiles());
        }
      }
    }
    if (seen < batch) {
      boolean rankingChanged = sketch.replace(walking.walked(now));
      movesWalked = rankingChanged ? -1 : movesAtStart;
      walking = SegmentSketch.empty();
      lastKey = null;
    }
  }
}
