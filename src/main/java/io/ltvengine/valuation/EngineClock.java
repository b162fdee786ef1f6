package io.ltvengine.valuation;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock the engine judges customers by: the churn check asks it what time a punctuation
 * stands for, and queries ask it what time it is now, so both judge a customer at the same moment.
 */
public interface EngineClock {

  /** The engine's time when Kafka Streams' own time (a punctuation's timestamp) reads {@code kafkaTime}. */
  long at(long kafkaTime);

  /** The engine's time now, for judgments outside the stream threads. */
  long now();

  /** Kafka Streams' time: the wall clock in production, the test driver's mock time in tests. */
  static EngineClock kafkaTime() {
    return new EngineClock() {
      @Override
      public long at(long kafkaTime) {
        return kafkaTime;
      }

      @Override
      public long now() {
        return System.currentTimeMillis();
      }
    };
  }

  /** An injected clock, such as the demo's compressed shop time. */
  static EngineClock of(Clock clock) {
    return new EngineClock() {
      @Override
      public long at(long kafkaTime) {
        return clock.millis();
      }

      @Override
      public long now() {
        return clock.millis();
      }
    };
  }

  /**
   * Stream time, to replay history: a punctuation's timestamp is the stream time of its task, and
   * "now" is the latest stream time a churn check has seen, the moment of the engine's latest
   * judgment.
   */
  static EngineClock streamTime() {
    AtomicLong latest = new AtomicLong();
    return new EngineClock() {
      @Override
      public long at(long kafkaTime) {
        latest.accumulateAndGet(kafkaTime, Math::max);
        return kafkaTime;
      }

      @Override
      public long now() {
        return latest.get();
      }
    };
  }
}
