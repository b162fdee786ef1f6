package io.ltvengine.streams.processors;

import io.ltvengine.avro.SegmentCell;
import io.ltvengine.avro.state.SegmentShare;
import java.time.Instant;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each partition's latest share of a segment cell, keyed {@code cell#partition}, and emits
 * the cell's sum over the partitions whenever a share changes it.
 */
public final class SegmentTotals extends ContextualProcessor<String, SegmentShare, String, SegmentCell> {

  private static final StringSerializer KEYS = new StringSerializer();

  private final String storeName;
  private final String currency;
  private KeyValueStore<String, SegmentShare> shares;

  public SegmentTotals(String storeName, String currency) {
    this.storeName = storeName;
    this.currency = currency;
  }

  @Override
  public void init(ProcessorContext<String, SegmentCell> context) {
    super.init(context);
    shares = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, SegmentShare> record) {
    SegmentShare share = record.value();
    String prefix = record.key() + '#';
    String key = prefix + share.getPartition();
    SegmentShare before = shares.get(key);
    if (withoutChange(before, share)) {
      return;
    }
    shares.put(key, share);
    context().forward(record.withValue(sum(prefix, share)));
  }

  /** A share sent again after a restart changes no sum; its time alone differs. */
  private static boolean withoutChange(SegmentShare before, SegmentShare share) {
    return before != null
        && before.getCustomers() == share.getCustomers()
        && before.getNetRevenueMinor() == share.getNetRevenueMinor()
        && before.getValueMinor() == share.getValueMinor();
  }

  private SegmentCell sum(String prefix, SegmentShare latest) {
    SegmentCell cell = SegmentCell.newBuilder()
        .setSegment(latest.getSegment())
        .setRiskTier(latest.getRiskTier())
        .setValueTier(latest.getValueTier())
        .setCustomers(0)
        .setNetRevenueMinor(0)
        .setValueMinor(0)
        .setCurrency(currency)
        .setUpdatedAt(Instant.ofEpochMilli(latest.getAt()))
        .build();
    try (KeyValueIterator<String, SegmentShare> partitions = shares.prefixScan(prefix, KEYS)) {
      partitions.forEachRemaining(entry -> {
        cell.setCustomers(cell.getCustomers() + entry.value.getCustomers());
        cell.setNetRevenueMinor(cell.getNetRevenueMinor() + entry.value.getNetRevenueMinor());
        cell.setValueMinor(cell.getValueMinor() + entry.value.getValueMinor());
      });
    }
    return cell;
  }
}
