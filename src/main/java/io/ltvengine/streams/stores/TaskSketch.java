package io.ltvengine.streams.stores;

import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.valuation.RfmQuintiles;
import io.ltvengine.valuation.SegmentSketch;
import io.ltvengine.valuation.ValueRanking;
import io.ltvengine.valuation.ValueThresholds;
import io.ltvengine.valuation.ValueTier;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sketch of a task's customers its last complete walk built, kept in the segment-sketches
 * store so that a restarted task ranks at once. Value tiers are judged against it, and the next
 * walk scores RFM cells against its quintiles. Customers are spread over partitions by a hash of
 * their id, so a task's distribution is a sample of the population's.
 */
public final class TaskSketch implements ValueRanking {

  /** The store's one key. */
  public static final String KEY = "task";

  private final KeyValueStore<String, SegmentDigest> store;
  private ValueRanking ranking = ValueRanking.UNRANKED;
  private Optional<ValueThresholds> thresholds = Optional.empty();
  private Optional<RfmQuintiles> quintiles = Optional.empty();

  public TaskSketch(KeyValueStore<String, SegmentDigest> store) {
    this.store = store;
    SegmentDigest kept = store.get(KEY);
    if (kept != null) {
      use(SegmentSketch.of(kept));
    }
  }

  @Override
  public ValueTier tierOf(long valueMinor) {
    return ranking.tierOf(valueMinor);
  }

  public Optional<RfmQuintiles> quintiles() {
    return quintiles;
  }

  /** A walk ended: its sketch replaces the last; true if it ranks or scores customers otherwise. */
  public boolean replace(SegmentSketch walked) {
    store.put(KEY, walked.toDigest());
    Optional<ValueThresholds> thresholdsBefore = thresholds;
    Optional<RfmQuintiles> quintilesBefore = quintiles;
    use(walked);
    return !thresholds.equals(thresholdsBefore) || !sameQuintiles(quintiles, quintilesBefore);
  }

  private void use(SegmentSketch sketch) {
    thresholds = sketch.thresholds();
    ranking = sketch.ranking();
    quintiles = sketch.quintiles();
  }

  private static boolean sameQuintiles(Optional<RfmQuintiles> a, Optional<RfmQuintiles> b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().sameAs(b.get()));
  }
}
