package io.ltvengine.app.service;

import io.ltvengine.valuation.SegmentSketch;
import java.util.Arrays;
import java.util.List;

/**
 * The population's sketch: every instance's merged. Each instance's changes only when one of its
 * walks ends, so the merge is kept until one of them sends another, and a segment report in
 * between reads the kept summary.
 */
final class PopulationSketch {

  /** The merge of the sketches the instances sent. */
  private record Merged(List<LocalSegments> instances, SegmentSketch.Summary summary) {}

  private volatile Merged last = new Merged(List.of(), SegmentSketch.empty().summary());

  SegmentSketch.Summary of(List<LocalSegments> instances) {
    Merged merged = last;
    if (!sameSketches(merged.instances(), instances)) {
      SegmentSketch sketch = SegmentSketch.empty();
      instances.forEach(instance -> instance.mergeInto(sketch));
      merged = new Merged(List.copyOf(instances), sketch.summary());
      last = merged;
    }
    return merged.summary();
  }

  private static boolean sameSketches(List<LocalSegments> kept, List<LocalSegments> sent) {
    if (kept.size() != sent.size()) {
      return false;
    }
    for (int i = 0; i < kept.size(); i++) {
      if (!Arrays.equals(kept.get(i).sketch(), sent.get(i).sketch())) {
        return false;
      }
    }
    return true;
  }
}
