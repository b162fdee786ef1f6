package io.ltvengine.valuation;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.avro.state.SeenEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.SchemaNormalization;

/**
 * Tells a resent order from a new one by the customer's own recent events, kept in their state:
 * at-least-once producers resend within seconds or hours, so the events of the retention period,
 * bounded in number, catch them without a store of their own. An event is identified by its
 * identity alone, (order id, type, event id), whatever its timestamp: a resend with a re-stamped
 * event time is still a resend. It is kept as a 64-bit fingerprint and the customer's latest event
 * time when it was first seen, so that a late event is remembered as long as a timely one; two
 * distinct events of one customer collide with odds of about 2^-64 per pair.
 */
public final class RecentEvents {

  private static final Comparator<SeenEvent> BY_TIME = Comparator.comparingLong(SeenEvent::getEventTime);

  private final long retentionMillis;
  private final int maxPerCustomer;

  public RecentEvents(long retentionMillis, int maxPerCustomer) {
    this.retentionMillis = retentionMillis;
    this.maxPerCustomer = maxPerCustomer;
  }

  /** Whether the customer's state already counts this order. */
  public boolean contains(CustomerState state, OrderFacts order) {
    long fingerprint = fingerprint(order.dedupKey());
    for (SeenEvent seen : state.getRecentEvents()) {
      if (seen.getFingerprint() == fingerprint) {
        return true;
      }
    }
    return false;
  }

  /**
   * Remembers the order as seen at the customer's latest event time, forgetting events seen
   * longer than the retention ago and the oldest beyond the bound.
   */
  public void remember(CustomerState state, OrderFacts order) {
    long seenAt = Math.max(state.getLastEventAt(), order.eventTime());
    List<SeenEvent> events = new ArrayList<>(state.getRecentEvents());
    events.add(new SeenEvent(fingerprint(order.dedupKey()), seenAt));
    events.sort(BY_TIME);
    long oldestKept = seenAt - retentionMillis;
    events.removeIf(seen -> seen.getEventTime() < oldestKept);
    int excess = Math.max(0, events.size() - maxPerCustomer);
    state.setRecentEvents(new ArrayList<>(events.subList(excess, events.size())));
  }

  static long fingerprint(String dedupKey) {
    return SchemaNormalization.fingerprint64(dedupKey.getBytes(StandardCharsets.UTF_8));
  }
}
