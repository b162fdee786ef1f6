package io.ltvengine.faults;

import io.ltvengine.avro.Order;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends orders as a shop does: keyed by customer id, stamped with their event time. */
public final class OrderSender {

  private OrderSender() {}

  /**
   * A topic for an order history whose event times (the record timestamps) reach weeks back: with
   * the default seven-day retention the broker would delete orders before the engine reads them.
   */
  public static NewTopic historyTopic(String name, int partitions) {
    return new NewTopic(name, partitions, (short) 1)
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
  }

  public static void send(Map<String, Object> client, String topic, Serializer<Order> values, List<Order> orders) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    try (KafkaProducer<String, Order> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
      for (Order order : orders) {
        producer.send(new ProducerRecord<>(
            topic, null, order.getEventTime().toEpochMilli(), order.getCustomerId(), order));
      }
      producer.flush();
    }
  }
}
