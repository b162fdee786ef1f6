package io.ltvengine.tools.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Time from the first store starting to restore to the last one finishing: the restore itself,
 * without the group rebalance that precedes it (a restarted instance waits out the session timeout
 * of its predecessor, since Kafka Streams does not leave the group on close).
 */
final class RestoreTimer implements StateRestoreListener {

  private final AtomicLong firstStartNanos = new AtomicLong();
  private final AtomicLong lastEndNanos = new AtomicLong();
  private final AtomicLong records = new AtomicLong();

  @Override
  public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
    firstStartNanos.compareAndSet(0, System.nanoTime());
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
    records.addAndGet(restored);
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    lastEndNanos.set(System.nanoTime());
  }

  Duration elapsed() {
    return Duration.ofNanos(lastEndNanos.get() - firstStartNanos.get());
  }

  long records() {
    return records.get();
  }
}
