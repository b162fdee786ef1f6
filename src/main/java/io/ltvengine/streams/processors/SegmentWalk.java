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
 * last key of the previous batch, so no iterator outlives a punctuation.
 */
final class SegmentWalk implements Punctuator {

  private final Valuation valuation;
  private final Task task;
  private final Outputs outputs;
  private final int batch;
  private SegmentSketch walking = SegmentSketch.empty();
  private String lastKey;

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
      sketch.replace(walking.walked(now));
      walking = SegmentSketch.empty();
      lastKey = null;
    }
  }
}
