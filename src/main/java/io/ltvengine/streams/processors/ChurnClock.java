package io.ltvengine.streams.processors;

import java.time.Clock;

/**
 * Tells the churn check what time it is. By default the time Kafka Streams hands the punctuator
 * (wall-clock or stream time, as scheduled); an injected clock serves replays and compressed
 * demo time.
 */
@FunctionalInterface
public interface ChurnClock {

  /** The punctuation's own timestamp. */
  ChurnClock PUNCTUATION_TIME = timestamp -> timestamp;

  long now(long punctuationTimestamp);

  static ChurnClock of(Clock clock) {
    return timestamp -> clock.millis();
  }
}
