package io.ltvengine.streams;

import io.ltvengine.avro.SegmentCell;
import io.ltvengine.avro.state.SegmentShare;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.processors.SegmentTotals;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The segment totals: each task sends its count of every segment cell its customers moved, keyed
 * by cell, through the segment-shares topic, so that one task per cell keeps every partition's
 * share in the {@code segment-totals} store and publishes their sum to the compacted segments
 * topic. A share is a count, not a change, so a share sent twice or lost before a restart (every
 * cell is sent again then) leaves the sum right.
 */
public final class SegmentTopology {

  public static final String SHARES_SINK = "segment-shares-sink";
  public static final String SHARES_SOURCE = "segment-shares-source";
  public static final String TOTALS = "segment-totals-processor";
  public static final String SEGMENTS_SINK = "ltv-segments-sink";

  private SegmentTopology() {}

  /** Adds the segment nodes; {@code parent} forwards {@link SegmentShare}s to {@link #SHARES_SINK}. */
  static void addTo(Topology topology, String parent, LtvConfig config, Topics topics) {
    Topic<String, SegmentShare> shares = topics.segmentShares();
    Topic<String, SegmentCell> segments = topics.segments();
    topology.addSink(
        SHARES_SINK, shares.name(), shares.keySerde().serializer(), shares.valueSerde().serializer(), parent);
    topology.addSource(
        SHARES_SOURCE, shares.keySerde().deserializer(), shares.valueSerde().deserializer(), shares.name());
    topology.addProcessor(TOTALS, totals(config, shares), SHARES_SOURCE);
    topology.addSink(
        SEGMENTS_SINK, segments.name(), segments.keySerde().serializer(), segments.valueSerde().serializer(), TOTALS);
  }

  private static ProcessorSupplier<String, SegmentShare, String, SegmentCell> totals(
      LtvConfig config, Topic<String, SegmentShare> shares) {
    String currency = config.getString(LtvConfig.REPORTING_CURRENCY);
    StoreBuilder<?> store =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StoreNames.SEGMENT_TOTALS), Serdes.String(), shares.valueSerde());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, SegmentShare, String, SegmentCell> get() {
        return new SegmentTotals(StoreNames.SEGMENT_TOTALS, currency);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }
}
