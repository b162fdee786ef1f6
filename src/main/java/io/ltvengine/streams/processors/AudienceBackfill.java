package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.valuation.Valuation;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Once per task start, walks the task's customers in batches and counts those a version without
 * audiences left uncounted, so the segment counts and the audience index hold every customer
 * after an upgrade, not only those who order again. Idempotent: a counted customer is skipped.
 * The walk resumes after the last key of the previous batch, so no iterator outlives a
 * punctuation; once it reached the end, a punctuation does nothing.
 */
final class AudienceBackfill implements Punctuator {

  private final Valuation valuation;
  private final Task task;
  private final Outputs outputs;
  private final int batch;
  private String lastKey;
  private boolean done;

  AudienceBackfill(Valuation valuation, Task task, Outputs outputs, int batch) {
    this.valuation = valuation;
    this.task = task;
    this.outputs = outputs;
    this.batch = batch;
  }

  @Override
  public void punctuate(long timestamp) {
    if (done) {
      return;
    }
    long now = valuation.clock().at(timestamp);
    int seen = 0;
    try (KeyValueIterator<String, CustomerState> customers =
        lastKey == null ? task.customers().all() : task.customers().range(lastKey + '\0', null)) {
      while (seen < batch && customers.hasNext()) {
        KeyValue<String, CustomerState> customer = customers.next();
        lastKey = customer.key;
        seen++;
        valuation.count(customer.key, customer.value, now, task.judging()).ifPresent(move -> {
          task.customers().put(customer.key, customer.value);
          outputs.audienceMove(new Record<>(customer.key, null, now), move, task.audiences());
        });
      }
    }
    done = seen < batch;
  }
}
