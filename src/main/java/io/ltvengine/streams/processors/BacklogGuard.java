package io.ltvengine.streams.processors;

import io.ltvengine.valuation.EngineClock;

/**
 * Keeps a wall-clock churn check from judging customers while the task is working through old
 * orders: after a restart or an outage, a customer's later orders may still be waiting in the
 * backlog, and alerting them would be wrong. A check is held when, since the previous one, the task
 * processed an order that was already older than the tolerance when it was processed; a task with
 * nothing to process is simply quiet, and its customers are judged.
 */
final class BacklogGuard {

  private static final BacklogGuard NEVER = new BacklogGuard(Long.MAX_VALUE, null);

  private final long toleranceMillis;
  private final EngineClock clock;
  private boolean behindSinceLastCheck;

  /** @param toleranceMillis how far behind the engine's clock an order may be when processed */
  BacklogGuard(long toleranceMillis, EngineClock clock) {
    this.toleranceMillis = toleranceMillis;
    this.clock = clock;
  }

  /** A guard for stream-time checks, whose clock is the orders' own time: never behind. */
  static BacklogGuard never() {
    return NEVER;
  }

  /** An order with {@code eventTime} was processed when Kafka Streams' clock read {@code kafkaTime}. */
  void processed(long eventTime, long kafkaTime) {
    if (this != NEVER && eventTime < clock.at(kafkaTime) - toleranceMillis) {
      behindSinceLastCheck = true;
    }
  }

  /** Whether the check due now must wait for the backlog; each call starts a new interval. */
  boolean catchingUp() {
    boolean behind = behindSinceLastCheck;
    behindSinceLastCheck = false;
    return behind;
  }
}
