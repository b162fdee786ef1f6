package io.ltvengine.app.service;

import io.ltvengine.avro.Order;
import io.ltvengine.avro.OrderType;
import io.ltvengine.model.data.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the order history from the orders topic, from the beginning to the offsets that were the
 * end when it started, for refitting the model on live data. Purchases count once per order id;
 * cancelled orders do not count; unreadable records are skipped, as the engine skips them.
 */
public final class OrderHistoryReader {

  private static final Duration POLL = Duration.ofMillis(500);

  private final Properties clientProperties;
  private final Deserializer<Order> orders;

  public OrderHistoryReader(Properties clientProperties, Deserializer<Order> orders) {
    this.clientProperties = clientProperties;
    this.orders = orders;
  }

  public List<Transaction> read(String topic) {
    Map<String, Order> purchases = new LinkedHashMap<>();
    Set<String> cancelled = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (!reached(consumer, end)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          Order order = decode(topic, record.value());
          if (order == null) {
            continue;
          }
          if (order.getType() == OrderType.PURCHASE) {
            purchases.putIfAbsent(order.getOrderId(), order);
          } else if (order.getType() == OrderType.CANCELLATION) {
            cancelled.add(order.getOrderId());
          }
        }
      }
    }
    return purchases.values().stream()
        .filter(order -> !cancelled.contains(order.getOrderId()))
        .map(OrderHistoryReader::transaction)
        .collect(Collectors.toList());
  }

  private Order decode(String topic, byte[] value) {
    try {
      return value == null ? null : orders.deserialize(topic, value);
    } catch (SerializationException unreadable) {
      return null;
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static Transaction transaction(Order order) {
    int digits = Math.max(0, Currency.getInstance(order.getCurrency()).getDefaultFractionDigits());
    double amount = BigDecimal.valueOf(order.getAmountMinor()).movePointLeft(digits).doubleValue();
    return new Transaction(
        order.getCustomerId(), order.getEventTime().atZone(ZoneOffset.UTC).toLocalDate(), amount);
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties properties = new Properties();
    properties.putAll(clientProperties);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
