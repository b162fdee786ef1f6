package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.model.customer.CohortDeltas;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Cohort changes of this task not yet sent for aggregation, summed per cohort cell. Sending every
 * order's deltas would put several records on the repartition topic per order; summing them here
 * and sending each touched cell once per flush keeps the cohort table off the per-order path.
 */
public final class PendingCohortDeltas {

  private final KeyValueStore<String, CohortDelta> store;

  public PendingCohortDeltas(KeyValueStore<String, CohortDelta> store) {
    this.store = store;
  }

  public void add(CohortDelta delta) {
    String cell = CohortDeltas.cellKey(delta);
    CohortDelta pending = store.get(cell);
    if (pending == null) {
      store.put(cell, delta);
      return;
    }
    pending.setAcquiredDelta(pending.getAcquiredDelta() + delta.getAcquiredDelta());
    pending.setActiveDelta(pending.getActiveDelta() + delta.getActiveDelta());
    pending.setRevenueDeltaMinor(pending.getRevenueDeltaMinor() + delta.getRevenueDeltaMinor());
    store.put(cell, pending);
  }

  /** Removes and returns every pending cell's summed delta. */
  public List<KeyValue<String, CohortDelta>> drain() {
    List<KeyValue<String, CohortDelta>> pending = new ArrayList<>();
    try (KeyValueIterator<String, CohortDelta> all = store.all()) {
      all.forEachRemaining(pending::add);
    }
    pending.forEach(entry -> store.delete(entry.key));
    return pending;
  }
}
