package io.ltvengine.streams.stores;

import io.ltvengine.valuation.CheckCalendar;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Customers ordered by when their silence must next be checked. Keys are the check time as 8
 * big-endian bytes followed by the customer id, so the store's byte order is time order and a
 * range scan up to "now" touches only the customers that are due, however many there are.
 */
public final class ChurnIndex implements CheckCalendar {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> store;

  public ChurnIndex(KeyValueStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** A customer whose check time has come. */
  public record Due(long checkAt, String customerId) {}

  @Override
  public void book(long checkAt, String customerId) {
    store.put(key(checkAt, customerId), PRESENT);
  }

  @Override
  public void cancel(long checkAt, String customerId) {
    store.delete(key(checkAt, customerId));
  }

  /** At most {@code limit} customers due at or before {@code now}, earliest first. */
  public List<Due> due(long now, int limit) {
    List<Due> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, byte[]> range = store.range(timePrefix(0), timePrefix(now + 1))) {
      while (range.hasNext() && due.size() < limit) {
        KeyValue<Bytes, byte[]> entry = range.next();
        ByteBuffer key = ByteBuffer.wrap(entry.key.get());
        long checkAt = key.getLong();
        if (checkAt > now) {
          break;
        }
        due.add(new Due(checkAt, StandardCharsets.UTF_8.decode(key).toString()));
      }
    }
    return due;
  }

  static Bytes key(long checkAt, String customerId) {
    byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(checkAt).put(id).array());
  }

  private static Bytes timePrefix(long time) {
    return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(time).array());
  }
}
