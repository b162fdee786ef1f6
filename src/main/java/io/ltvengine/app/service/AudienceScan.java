package io.ltvengine.app.service;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.LifecycleSegment;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.streams.stores.AudienceKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The customers of one partition that may belong to an audience, in id order after the cursor, at
 * most a page: read from the audience index, one key range per (segment, risk tier) cell the
 * filter allows, merged by id; without a filter, from the customer store itself. So a page costs
 * a page, whatever the number of customers.
 */
final class AudienceScan {

  /** A partition's candidates, and whether it holds more after the last. */
  record Candidates(List<String> customerIds, boolean more) {}

  private AudienceScan() {}

  static Candidates of(
      CustomerFilter filter, ReadOnlyKeyValueStore<String, byte[]> index, ReadOnlyKeyValueStore<String, CustomerState> customers) {
    if (filter.segment() == null && filter.risk() == null) {
      try (KeyValueIterator<String, CustomerState> all =
          filter.cursor() == null ? customers.all() : customers.range(successor(filter.cursor()), null)) {
        return take(new Cursor(all, false), filter.limit());
      }
    }
    PriorityQueue<Cursor> cells = new PriorityQueue<>(Comparator.comparing(Cursor::customerId));
    List<KeyValueIterator<String, byte[]>> open = new ArrayList<>();
    try {
      for (String prefix : prefixes(filter)) {
        String from = prefix + (filter.cursor() == null ? "" : successor(filter.cursor()));
        KeyValueIterator<String, byte[]> range = index.range(from, prefix.substring(0, prefix.length() - 1) + '}');
        open.add(range);
        Cursor cell = new Cursor(range, true);
        if (cell.advance()) {
          cells.add(cell);
        }
      }
      return merge(cells, filter.limit());
    } finally {
      open.forEach(KeyValueIterator::close);
    }
  }

  private static Candidates merge(PriorityQueue<Cursor> cells, int limit) {
    List<String> ids = new ArrayList<>();
    while (!cells.isEmpty() && ids.size() < limit) {
      Cursor first = cells.poll();
      ids.add(first.customerId());
      if (first.advance()) {
        cells.add(first);
      }
    }
    return new Candidates(ids, !cells.isEmpty());
  }

  private static Candidates take(Cursor cursor, int limit) {
    List<String> ids = new ArrayList<>();
    while (ids.size() < limit && cursor.advance()) {
      ids.add(cursor.customerId());
    }
    return new Candidates(ids, cursor.advance());
  }

  /** The index prefixes of every cell the filter allows. */
  private static List<String> prefixes(CustomerFilter filter) {
    List<String> prefixes = new ArrayList<>();
    for (LifecycleSegment segment : filter.segment() == null ? LifecycleSegment.values() : new LifecycleSegment[] {filter.segment()}) {
      for (ChurnRiskTier risk : filter.risk() == null ? ChurnRiskTier.values() : new ChurnRiskTier[] {filter.risk()}) {
        prefixes.add(AudienceKeys.cellPrefix(segment.name(), risk.name()));
      }
    }
    return prefixes;
  }

  /** The smallest key after {@code id}: pages continue strictly after their cursor. */
  private static String successor(String id) {
    return id + '\0';
  }

  /** A position in one key range, at its current customer. */
  private static final class Cursor {

    private final KeyValueIterator<String, ?> range;
    private final boolean indexKeys;
    private String customerId;

    Cursor(KeyValueIterator<String, ?> range, boolean indexKeys) {
      this.range = range;
      this.indexKeys = indexKeys;
    }

    boolean advance() {
      if (!range.hasNext()) {
        return false;
      }
      String key = range.next().key;
      customerId = indexKeys ? AudienceKeys.customerOf(key) : key;
      return true;
    }

    String customerId() {
      return customerId;
    }
  }
}
