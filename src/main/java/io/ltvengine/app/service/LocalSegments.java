package io.ltvengine.app.service;

import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.valuation.SegmentSketch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What one instance knows of the segments: the count cells of its partitions and the sketch of
 * their last ranking walks, merged, in Avro's single-object encoding (base64 in JSON; null before
 * any walk): some kilobytes however many customers there are.
 */
public record LocalSegments(List<AudienceCounts.Cell> cells, byte[] sketch) {

  static byte[] encode(SegmentDigest digest) {
    try {
      ByteBuffer buffer = digest.toByteBuffer();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds this instance's sketch to {@code merged}. */
  void mergeInto(SegmentSketch merged) {
    if (sketch == null) {
      return;
    }
    try {
      merged.merge(SegmentSketch.of(SegmentDigest.fromByteBuffer(ByteBuffer.wrap(sketch))));
    } catch (IOException e) {
      throw new UncheckedIOException("An instance sent a segment sketch that cannot be read", e);
    }
  }
}
