package io.ltvengine.app.service;

import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.valuation.SegmentSketch;
import java.util.Map;

/**
 * This instance's partitions' sketches merged into one and encoded. A partition's sketch changes
 * only when its walk ends, so the merge is kept until a partition's sketch or the partitions
 * change, and a segment report in between neither merges nor encodes.
 */
final class LocalSketch {

  /** The merge of {@code digests}, partition to digest. */
  private record Merged(Map<Integer, SegmentDigest> digests, byte[] bytes) {}

  private volatile Merged last = new Merged(Map.of(), null);

  /** The merge of {@code digests} (partition to digest), null when there is none. */
  byte[] of(Map<Integer, SegmentDigest> digests) {
    Merged merged = last;
    if (!merged.digests().equals(digests)) {
      merged = new Merged(Map.copyOf(digests), digests.isEmpty() ? null : encode(merge(digests)));
      last = merged;
    }
    return merged.bytes();
  }

  private static SegmentSketch merge(Map<Integer, SegmentDigest> digests) {
    SegmentSketch sketch = SegmentSketch.empty();
    digests.values().forEach(digest -> sketch.merge(SegmentSketch.of(digest)));
    return sketch;
  }

  private static byte[] encode(SegmentSketch sketch) {
    return LocalSegments.encode(sketch.toDigest());
  }
}
