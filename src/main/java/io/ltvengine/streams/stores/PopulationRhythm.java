package io.ltvengine.streams.stores;

import io.ltvengine.valuation.Population;
import io.ltvengine.valuation.PopulationDefaults;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The buying rhythm of the customers this task has seen, as two numbers in the task's store: the
 * count and the sum of the gaps between consecutive purchases.
 */
public final class PopulationRhythm implements Population {

  private static final String GAP_COUNT = "gap-count";
  private static final String GAP_MILLIS = "gap-millis";

  private final KeyValueStore<String, Long> store;
  private final PopulationDefaults defaults;
  /** The store's two numbers, read once: every repeat purchase updates them. */
  private long gapCount;
  private long gapMillis;

  public PopulationRhythm(KeyValueStore<String, Long> store, PopulationDefaults defaults) {
    this.store = store;
    this.defaults = defaults;
    this.gapCount = valueOf(store, GAP_COUNT);
    this.gapMillis = valueOf(store, GAP_MILLIS);
  }

  @Override
  public void addGap(long gap) {
    gapCount++;
    gapMillis += gap;
    store.put(GAP_COUNT, gapCount);
    store.put(GAP_MILLIS, gapMillis);
  }

  @Override
  public double meanGapDays() {
    return defaults.meanGapDays(gapCount, gapMillis);
  }

  /** The population a task's store holds, for readers outside the task such as the query API. */
  public static Population readOnly(ReadOnlyKeyValueStore<String, Long> store, PopulationDefaults defaults) {
    return Population.readOnly(defaults.meanGapDays(valueOf(store, GAP_COUNT), valueOf(store, GAP_MILLIS)));
  }

  private static long valueOf(ReadOnlyKeyValueStore<String, Long> store, String key) {
    Long value = store.get(key);
    return value == null ? 0 : value;
  }
}
