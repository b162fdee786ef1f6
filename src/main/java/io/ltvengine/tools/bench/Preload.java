package io.ltvengine.tools.bench;

import io.ltvengine.avro.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Fills the input topic once; every throughput phase then reads the same records. */
final class Preload {

  /** Inside the engine's default 30-day dedup retention, so no order is forgotten early. */
  private static final Duration EVENT_SPAN = Duration.ofDays(20);

  private Preload() {}

  /** Returns how many distinct customers the orders belong to. */
  static int fill(BenchKafka kafka, String topic, int partitions, long orders, int customers)
      throws Exception {
    kafka.createTopic(topic, partitions);
    BenchOrders generator = new BenchOrders(42, customers);
    Instant end = Instant.now();
    Set<String> seen = new HashSet<>();
    try (KafkaProducer<String, Order> producer = kafka.orderProducer(20)) {
      for (long i = 0; i < orders; i++) {
        Order order = generator.next(BenchOrders.spread(end, EVENT_SPAN, i, orders));
        producer.send(new ProducerRecord<>(topic, order.getCustomerId(), order));
        seen.add(order.getCustomerId());
      }
      producer.flush();
    }
    return seen.size();
  }
}
