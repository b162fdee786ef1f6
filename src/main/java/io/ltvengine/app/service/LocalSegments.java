package io.ltvengine.app.service;

import io.ltvengine.avro.state.SegmentDigest;
import io.ltvengine.valuation.SegmentSketch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What one instance knows of the segments: the count cells of its partitions and the sketches of
 * their last ranking walks, each in Avro's single-object encoding (base64 in JSON), a few
 * kilobytes however many customers there are.
 */
public record LocalSegments(List<AudienceCounts.Cell> cells, List<byte[]> sketches) {

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

  /** Adds this instance's sketches to {@code merged}. */
  void mergeInto(SegmentSketch merged) {
    for (byte[] sketch : sketches) {
      try {
        merged.merge(SegmentSketch.of(SegmentDigest.fromByteBuffer(ByteBuffer.wrap(sketch))));
      } catch (IOException e) {
        throw new UncheckedIOException("An instance sent a segment sketch that cannot be read", e);
      }
    }
  }
}
