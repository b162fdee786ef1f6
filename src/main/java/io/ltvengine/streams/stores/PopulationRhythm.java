package io.ltvengine.streams.stores;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The buying rhythm of the customers this task has seen: the mean gap between consecutive
 * purchases. One-time buyers have no rhythm of their own, so they are judged by this one; until
 * enough gaps are seen, a configured default stands in.
 */
public final class PopulationRhythm {

  private static final String GAP_COUNT = "gap-count";
  private static final String GAP_MILLIS = "gap-millis";
  private static final double MILLIS_PER_DAY = 86_400_000d;

  private final KeyValueStore<String, Long> store;
  private final double defaultGapDays;
  private final long minGaps;
  /** The store's two numbers, read once: every repeat purchase updates them. */
  private long gapCount;
  private long gapMillis;

  public PopulationRhythm(KeyValueStore<String, Long> store, double defaultGapDays, long minGaps) {
    this.store = store;
    this.defaultGapDays = defaultGapDays;
    this.minGaps = minGaps;
    this.gapCount = valueOf(store, GAP_COUNT);
    this.gapMillis = valueOf(store, GAP_MILLIS);
  }

  public void addGap(long gap) {
    gapCount++;
    gapMillis += gap;
    store.put(GAP_COUNT, gapCount);
    store.put(GAP_MILLIS, gapMillis);
  }

  public double meanGapDays() {
    return mean(gapCount, gapMillis, defaultGapDays, minGaps);
  }

  /** The mean gap a task's store holds, for readers outside the task such as the query API. */
  public static double meanGapDays(ReadOnlyKeyValueStore<String, Long> store, double defaultGapDays, long minGaps) {
    return mean(valueOf(store, GAP_COUNT), valueOf(store, GAP_MILLIS), defaultGapDays, minGaps);
  }

  private static double mean(long count, long millis, double defaultGapDays, long minGaps) {
    return count < minGaps ? defaultGapDays : millis / MILLIS_PER_DAY / count;
  }

  private static long valueOf(ReadOnlyKeyValueStore<String, Long> store, String key) {
    Long value = store.get(key);
    return value == null ? 0 : value;
  }
}
