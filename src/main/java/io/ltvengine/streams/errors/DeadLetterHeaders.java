package io.ltvengine.streams.errors;

import io.ltvengine.valuation.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Adds the engine's reason code to the dead-letter records Kafka Streams builds. Kafka's own
 * headers already carry the exception, source topic, partition and offset.
 */
public final class DeadLetterHeaders {

  public static final String REASON = "ltv.dlq.reason";

  private DeadLetterHeaders() {}

  public static List<ProducerRecord<byte[], byte[]>> withReason(
      List<ProducerRecord<byte[], byte[]>> records, RejectReason reason) {
    for (ProducerRecord<byte[], byte[]> record : records) {
      record.headers().remove(REASON);
      record.headers().add(REASON, reason.code().getBytes(StandardCharsets.UTF_8));
    }
    return records;
  }
}
