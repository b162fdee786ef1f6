package io.ltvengine.tools.demo;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.ChurnEventType;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.streams.Topics;
import io.ltvengine.streams.errors.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the engine wrote, as any downstream consumer would: with {@code read_committed}, so
 * every record counted here was committed by the engine's transactions. It counts LTV updates,
 * churn alerts, reactivations and dead letters, remembers the alerts for the ground-truth check,
 * and prints a few of each kind per {@link #newPeriod() period} so the console stays readable.
 */
public final class DemoMonitor implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final int LTV_SAMPLES = 1;
  /** Returning customers' updates tell more (AOV, rhythm, segment) but are the rarer kind at first. */
  private static final int RETURNING_LTV_SAMPLES = 1;
  private static final int ALERT_SAMPLES = 3;
  private static final int REACTIVATION_SAMPLES = 1;
  private static final int DEAD_LETTER_SAMPLES = 1;

  private final Consumer<String, byte[]> consumer;
  private final Topics topics;
  private final Deserializer<CustomerLtv> ltvs;
  private final Deserializer<ChurnAlert> alerts;
  private final DemoConsole console;
  private final Thread thread;

  private final LongAdder ltvUpdates = new LongAdder();
  private final LongAdder churnAlerts = new LongAdder();
  private final LongAdder reactivations = new LongAdder();
  private final Map<String, LongAdder> deadLettersByReason = new ConcurrentHashMap<>();
  private final Map<String, String> customerByAlertId = new ConcurrentHashMap<>();
  private final Set<String> reactivatedAlertIds = ConcurrentHashMap.newKeySet();

  private final AtomicInteger ltvSamples = new AtomicInteger();
  private final AtomicInteger returningLtvSamples = new AtomicInteger();
  private final AtomicInteger alertSamples = new AtomicInteger();
  private final AtomicInteger reactivationSamples = new AtomicInteger();
  private final AtomicInteger deadLetterSamples = new AtomicInteger();

  private volatile boolean closed;
  private volatile CountDownLatch caughtUp;
  /** The end offsets to reach, taken when a catch-up is asked for: later output is not waited for. */
  private Map<TopicPartition, Long> catchUpTarget;

  private DemoMonitor(String bootstrapServers, Topics topics, DemoConsole console) {
    this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers), new StringDeserializer(),
        new ByteArrayDeserializer());
    this.topics = topics;
    this.ltvs = topics.customerLtv().valueSerde().deserializer();
    this.alerts = topics.churnAlerts().valueSerde().deserializer();
    this.console = console;
    this.thread = new Thread(this::run, "demo-monitor");
    newPeriod();
  }

  /** Starts reading the output topics, which must exist, from their beginning. */
  public static DemoMonitor start(String bootstrapServers, Topics topics, DemoConsole console) {
    DemoMonitor monitor = new DemoMonitor(bootstrapServers, topics, console);
    monitor.thread.start();
    return monitor;
  }

  /** Allows a few more sample lines of each kind. */
  public void newPeriod() {
    ltvSamples.set(LTV_SAMPLES);
    returningLtvSamples.set(RETURNING_LTV_SAMPLES);
    alertSamples.set(ALERT_SAMPLES);
    reactivationSamples.set(REACTIVATION_SAMPLES);
    deadLetterSamples.set(DEAD_LETTER_SAMPLES);
  }

  /** Waits until everything committed to the output topics by now has been read. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    caughtUp = latch;
    return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public long ltvUpdates() {
    return ltvUpdates.sum();
  }

  public long churnAlerts() {
    return churnAlerts.sum();
  }

  public long reactivations() {
    return reactivations.sum();
  }

  public Map<String, Long> deadLettersByReason() {
    Map<String, Long> counts = new TreeMap<>();
    deadLettersByReason.forEach((reason, count) -> counts.put(reason, count.sum()));
    return counts;
  }

  public long deadLetters() {
    return deadLettersByReason.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Every churn alert read so far: alert id to customer id. */
  public Map<String, String> customerByAlertId() {
    return Map.copyOf(customerByAlertId);
  }

  public Set<String> reactivatedAlertIds() {
    return Set.copyOf(reactivatedAlertIds);
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.join();
  }

  private void run() {
    try (consumer) {
      List<TopicPartition> partitions = Stream.of(
              topics.customerLtv().name(), topics.churnAlerts().name(), topics.deadLetter())
          .flatMap(topic -> consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition())))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!closed) {
        consumer.poll(POLL).forEach(this::read);
        signalIfCaughtUp();
      }
    } catch (WakeupException closing) {
      // close() woke the consumer up to stop it.
    }
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    String topic = record.topic();
    if (topic.equals(topics.customerLtv().name())) {
      readLtv(ltvs.deserialize(topic, record.value()));
    } else if (topic.equals(topics.churnAlerts().name())) {
      readAlert(alerts.deserialize(topic, record.value()));
    } else {
      readDeadLetter(record);
    }
  }

  private void readLtv(CustomerLtv ltv) {
    ltvUpdates.increment();
    AtomicInteger samples = ltv.getOrders() > 1 ? returningLtvSamples : ltvSamples;
    if (samples.getAndDecrement() > 0) {
      console.ltv(ltv);
    }
  }

  private void readAlert(ChurnAlert alert) {
    String alertId = alert.getAlertId().toString();
    if (alert.getType() == ChurnEventType.REACTIVATED) {
      reactivations.increment();
      reactivatedAlertIds.add(alertId);
      if (reactivationSamples.getAndDecrement() > 0) {
        console.reactivated(alert);
      }
      return;
    }
    churnAlerts.increment();
    customerByAlertId.put(alertId, alert.getCustomerId().toString());
    if (alertSamples.getAndDecrement() > 0) {
      console.churnRisk(alert);
    }
  }

  private void readDeadLetter(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(DeadLetterHeaders.REASON);
    String reason = header == null ? "unknown" : new String(header.value(), StandardCharsets.UTF_8);
    deadLettersByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    if (deadLetterSamples.getAndDecrement() > 0) {
      console.deadLetter(reason, record.key());
    }
  }

  /** Under read_committed the end offsets are the last stable ones: all that is committed. */
  private void signalIfCaughtUp() {
    CountDownLatch latch = caughtUp;
    if (latch == null) {
      return;
    }
    if (catchUpTarget == null) {
      catchUpTarget = consumer.endOffsets(consumer.assignment());
    }
    if (catchUpTarget.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
      latch.countDown();
    }
  }

  private static Map<String, Object> consumerConfig(String bootstrapServers) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "ltv-demo-monitor");
  }
}
