package io.ltvengine.streams.errors;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stops the engine from draining its input into the dead letters. Ordinary dirt is a few records
 * in a thousand; when one reason takes more than {@code maxShare} of a window of records (a
 * registry of another environment, a producer gone wrong), the fault is the environment's, and the
 * breaker trips: the record is not dead-lettered, processing stops and health says why.
 *
 * <p>Windows are tumbling counts of records; within one, a reason trips the breaker once it has
 * at least a tenth of a window of records and more than {@code maxShare} of those seen so far.
 * Shared by every stream thread of the instance.
 */
public final class DeadLetterBreaker {

  /** Where the Streams configuration carries this object to the handlers Kafka Streams creates. */
  public static final String CONFIG_KEY = "io.ltvengine.dead-letter-breaker";

  private final int window;
  private final double maxShare;
  private final Map<String, Integer> rejectedByReason = new HashMap<>();
  private int seen;
  private volatile String tripped;

  public DeadLetterBreaker(int window, double maxShare) {
    this.window = window;
    this.maxShare = maxShare;
  }

  /** A breaker that never trips, where a configuration carries none. */
  public static DeadLetterBreaker from(Map<String, ?> configs) {
    return configs.get(CONFIG_KEY) instanceof DeadLetterBreaker breaker ? breaker : new DeadLetterBreaker(1, 1.0);
  }

  /** A record reached the engine, good or bad. */
  public synchronized void seen() {
    if (++seen > window) {
      seen = 1;
      rejectedByReason.clear();
    }
  }

  /** A record seen is bad for {@code reason}; true if it may go to the dead letters, false once tripped. */
  public synchronized boolean admit(String reason) {
    if (tripped != null) {
      return false;
    }
    if (maxShare >= 1) {
      return true;
    }
    int rejected = rejectedByReason.merge(reason, 1, Integer::sum);
    if (rejected >= Math.max(1, window / 10) && rejected > maxShare * seen) {
      tripped = rejected + " of the last " + seen + " records were dead letters for '" + reason
          + "': more than the breaker's share of " + maxShare + "; processing stopped";
      return false;
    }
    return true;
  }

  /** Why the breaker tripped; empty while it has not. */
  public Optional<String> tripped() {
    return Optional.ofNullable(tripped);
  }
}
