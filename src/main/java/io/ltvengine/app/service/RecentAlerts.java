package io.ltvengine.app.service;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.streams.Topic;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest churn alerts, newest first, for the dashboard. A consumer without a group reads the
 * alerts topic from its end (committed records only), so every instance shows alerts of the
 * whole cluster from the moment it started; older alerts are on the topic for whoever needs them.
 */
public final class RecentAlerts implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecentAlerts.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final int capacity;
  private final Deque<Map<String, Object>> latest = new ArrayDeque<>();
  private final KafkaConsumer<String, ChurnAlert> consumer;
  private final Thread poller;

  public RecentAlerts(Properties clientProperties, Topic<String, ChurnAlert> topic, int capacity) {
    this.capacity = capacity;
    this.consumer =
        new KafkaConsumer<>(consumerProperties(clientProperties), topic.keySerde().deserializer(),
            topic.valueSerde().deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic.name()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    this.poller = new Thread(this::pollUntilClosed, "ltv-recent-alerts");
    poller.setDaemon(true);
    poller.start();
  }

  /** The latest alerts, newest first. */
  public synchronized List<Map<String, Object>> latest() {
    return new ArrayList<>(latest);
  }

  private void pollUntilClosed() {
    try {
      while (true) {
        for (ConsumerRecord<String, ChurnAlert> record : consumer.poll(POLL)) {
          if (record.value() != null) {
            add(AvroJson.toMap(record.value()));
          }
        }
      }
    } catch (WakeupException closing) {
      // close() woke the consumer up: stop polling.
    } catch (RuntimeException e) {
      LOG.warn("Recent alerts stopped; the dashboard will show no new alerts", e);
    } finally {
      consumer.close();
    }
  }

  private synchronized void add(Map<String, Object> alert) {
    latest.addFirst(alert);
    if (latest.size() > capacity) {
      latest.removeLast();
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      poller.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The cluster's connection settings with Kafka's consumer keys only, reading committed records. */
  private static Properties consumerProperties(Properties all) {
    Properties properties = new Properties();
    all.forEach((key, value) -> {
      if (ConsumerConfig.configNames().contains(String.valueOf(key))) {
        properties.put(key, value);
      }
    });
    properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return properties;
  }
}
