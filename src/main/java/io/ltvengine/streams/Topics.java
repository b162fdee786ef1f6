package io.ltvengine.streams;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CohortCell;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.SegmentCell;
import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.avro.state.SegmentShare;
import io.ltvengine.config.LtvConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic the engine reads or writes, in one place. All are keyed by customer id, except the
 * cohort topics, keyed by cohort cell, and the segment topics, keyed by segment cell.
 */
public record Topics(
    Topic<String, Order> orders,
    Topic<String, CustomerLtv> customerLtv,
    Topic<String, ChurnAlert> churnAlerts,
    Topic<String, LtvModel> model,
    String deadLetter,
    Topic<String, CohortDelta> cohortDeltas,
    Topic<String, CohortCell> cohorts,
    Topic<String, AudienceChange> audiences,
    Topic<String, SegmentShare> segmentShares,
    Topic<String, SegmentCell> segments) {

  public static Topics create(LtvConfig config, AvroSerdeFactory serdes) {
    return new Topics(
        new Topic<>(config.getString(LtvConfig.TOPIC_ORDERS), Serdes.String(), serdes.valueSerde(Order.class)),
        new Topic<>(config.getString(LtvConfig.TOPIC_LTV), Serdes.String(), serdes.valueSerde(CustomerLtv.class)),
        new Topic<>(config.getString(LtvConfig.TOPIC_ALERTS), Serdes.String(), serdes.valueSerde(ChurnAlert.class)),
        new Topic<>(config.getString(LtvConfig.TOPIC_MODEL), Serdes.String(), serdes.valueSerde(LtvModel.class)),
        config.getString(LtvConfig.TOPIC_DLQ),
        new Topic<>(config.getString(LtvConfig.TOPIC_COHORT_DELTAS), Serdes.String(), serdes.valueSerde(CohortDelta.class)),
        new Topic<>(config.getString(LtvConfig.TOPIC_COHORTS), Serdes.String(), serdes.valueSerde(CohortCell.class)),
        new Topic<>(config.getString(LtvConfig.TOPIC_AUDIENCES), Serdes.String(), serdes.valueSerde(AudienceChange.class)),
        new Topic<>(config.getString(LtvConfig.TOPIC_SEGMENT_SHARES), Serdes.String(), serdes.valueSerde(SegmentShare.class)),
        new Topic<>(config.getString(LtvConfig.TOPIC_SEGMENTS), Serdes.String(), serdes.valueSerde(SegmentCell.class)));
  }
}
