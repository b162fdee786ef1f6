package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.SegmentShare;
import io.ltvengine.streams.stores.AudienceBook;
import io.ltvengine.streams.stores.AudienceKeys;
import org.apache.kafka.streams.processor.Punctuator;

/** Sends the task's count of each segment cell its customers moved since the last flush. */
final class SegmentShareFlush implements Punctuator {

  private final AudienceBook book;
  private final Outputs outputs;
  private final int partition;

  SegmentShareFlush(AudienceBook book, Outputs outputs, int partition) {
    this.book = book;
    this.outputs = outputs;
    this.partition = partition;
  }

  @Override
  public void punctuate(long timestamp) {
    book.sendChanged((cell, count) -> {
      String[] audiences = AudienceKeys.cellOf(cell);
      SegmentShare share = new SegmentShare(partition, audiences[0], audiences[1], audiences[2],
          count.getCustomers(), count.getNetRevenueMinor(), count.getValueMinor(), timestamp);
      outputs.segmentShare(cell, share, timestamp);
    });
  }
}
