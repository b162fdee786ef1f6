package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.valuation.CohortDeltas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Cohort changes of this task not yet sent for aggregation, summed per cohort cell. Sending every
 * order's deltas would put several records on the repartition topic per order; summing them here
 * and sending each touched cell once per flush keeps the cohort table off the per-order path.
 *
 * <p>The store makes the sums survive a crash; a copy on the heap, read back from the store when
 * the task starts, spares every order the decoding of the cells it adds to.
 */
public final class PendingCohortDeltas {

  private final KeyValueStore<String, CohortDelta> store;
  private final Map<String, CohortDelta> sums = new TreeMap<>();

  public PendingCohortDeltas(KeyValueStore<String, CohortDelta> store) {
    this.store = store;
    try (KeyValueIterator<String, CohortDelta> all = store.all()) {
      all.forEachRemaining(entry -> sums.put(entry.key, entry.value));
    }
  }

  public void add(CohortDelta delta) {
    String cell = CohortDeltas.cellKey(delta);
    CohortDelta sum = sums.get(cell);
    if (sum == null) {
      sum = CohortDelta.newBuilder(delta).build();
      sums.put(cell, sum);
    } else {
      sum.setAcquiredDelta(sum.getAcquiredDelta() + delta.getAcquiredDelta());
      sum.setActiveDelta(sum.getActiveDelta() + delta.getActiveDelta());
      sum.setRevenueDeltaMinor(sum.getRevenueDeltaMinor() + delta.getRevenueDeltaMinor());
    }
    store.put(cell, sum);
  }

  /** Removes and returns every pending cell's summed delta, in cell order. */
  public List<KeyValue<String, CohortDelta>> drain() {
    List<KeyValue<String, CohortDelta>> pending = new ArrayList<>();
    sums.forEach((cell, sum) -> pending.add(KeyValue.pair(cell, sum)));
    sums.keySet().forEach(store::delete);
    sums.clear();
    return pending;
  }
}
