package io.ltvengine.tools.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Times a Kafka Streams application through a preloaded topic: from its first processed order
 * until all are processed and, under exactly-once, committed (only then can a read_committed
 * consumer see the output). Progress is read from the application's own counter, never guessed.
 */
final class StreamsRun {

  private static final long POLL_MILLIS = 5;
  private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);

  private StreamsRun() {}

  /**
   * @param processed the application's count of processed orders
   * @param groupId the application id, whose committed offsets show the output is complete
   */
  static double ordersPerSecond(
      BenchKafka kafka, LongSupplier processed, String groupId, String guarantee,
      Map<TopicPartition, Long> end, long orders) throws Exception {
    awaitCount(processed, 1, 1);
    long startNanos = System.nanoTime();
    awaitCount(processed, orders, POLL_MILLIS);
    // At-least-once commits only every 30 s; its output is already readable once sent.
    if (StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee)) {
      while (!kafka.committedUpTo(groupId, end)) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    return orders / ((System.nanoTime() - startNanos) / 1e9);
  }

  /** Waits for the count to reach {@code target}; fails if it stops moving, e.g. on a crash. */
  static void awaitCount(LongSupplier count, long target, long pollMillis) throws InterruptedException {
    long last = -1;
    long lastMoveNanos = System.nanoTime();
    while (count.getAsLong() < target) {
      long now = count.getAsLong();
      if (now != last) {
        last = now;
        lastMoveNanos = System.nanoTime();
      } else if (System.nanoTime() - lastMoveNanos > STALL_TIMEOUT.toNanos()) {
        throw new IllegalStateException("No progress for " + STALL_TIMEOUT + " at " + now + " of " + target);
      }
      Thread.sleep(pollMillis);
    }
  }
}
