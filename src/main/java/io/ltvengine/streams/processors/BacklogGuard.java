package io.ltvengine.streams.processors;

/**
 * Keeps a wall-clock churn check from judging customers while the task is working through old
 * orders: after a restart or an outage, a customer's later orders may still be waiting in the
 * backlog, and alerting them would be wrong. A check is held when, since the previous one, the task
 * processed an order that was already older than the tolerance when it was processed; a task with
 * nothing to process is simply quiet, and its customers are judged.
 */
final class BacklogGuard {

  private final long toleranceMillis;
  private boolean behindSinceLastCheck;

  /** @param toleranceMillis how far behind the churn clock an order may be when processed */
  BacklogGuard(long toleranceMillis) {
    this.toleranceMillis = toleranceMillis;
  }

  /** A guard for stream-time checks, whose clock is the orders' own time. */
  static BacklogGuard never() {
    return new BacklogGuard(Long.MAX_VALUE);
  }

  /** An order with {@code eventTime} was processed when the churn clock read {@code now}. */
  void processed(long eventTime, long now) {
    if (toleranceMillis != Long.MAX_VALUE && eventTime < now - toleranceMillis) {
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
