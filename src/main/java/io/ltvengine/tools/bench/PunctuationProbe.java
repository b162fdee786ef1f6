package io.ltvengine.tools.bench;

import io.ltvengine.streams.StoreNames;
import io.ltvengine.streams.stores.ChurnIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The cost of a churn punctuation when nobody is due, with many customers in the index: the
 * question the time-ordered {@link ChurnIndex} exists to answer. It runs inside a real Kafka
 * Streams task so the store is the engine's (RocksDB, uncached), filled with customers
 * whose checks all lie in the future, and times {@link ChurnIndex#due} as the punctuator calls it.
 */
final class PunctuationProbe {

  /** Microseconds per no-op punctuation. */
  record Timing(double p50Micros, double maxMicros, int customers) {}

  private static final int REPEATS = 1_000;
  private static final int MAX_CHECKS = 10_000;
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  private PunctuationProbe() {}

  static Timing measure(BenchKafka kafka, int customers, Path stateDir) throws Exception {
    String topic = "punctuation-probe";
    kafka.createTopic(topic, 1);
    CompletableFuture<Timing> timing = new CompletableFuture<>();
    Topology topology = new Topology();
    topology.addSource(
        "source", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), topic);
    topology.addProcessor("probe", () -> new Probe(customers, timing), "source");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.CHURN_INDEX), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled(),
        "probe");
    Properties properties = kafka.clientProperties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-punctuation-probe");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    try (KafkaStreams streams = new KafkaStreams(topology, properties)) {
      streams.setUncaughtExceptionHandler(
          e -> {
            timing.completeExceptionally(e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
          });
      streams.start();
      return timing.get(10, TimeUnit.MINUTES);
    }
  }

  /** Fills the index when its task starts, then times the scans; it never sees a record. */
  private static final class Probe implements Processor<byte[], byte[], Void, Void> {

    private final int customers;
    private final CompletableFuture<Timing> timing;

    Probe(int customers, CompletableFuture<Timing> timing) {
      this.customers = customers;
      this.timing = timing;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      try {
        timing.complete(fillAndTime(context));
      } catch (RuntimeException e) {
        timing.completeExceptionally(e);
      }
    }

    private Timing fillAndTime(ProcessorContext<Void, Void> context) {
      KeyValueStore<Bytes, byte[]> store = context.getStateStore(StoreNames.CHURN_INDEX);
      ChurnIndex index = new ChurnIndex(store);
      long now = System.currentTimeMillis();
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < customers; i++) {
        index.book(now + DAY_MILLIS + random.nextLong(30 * DAY_MILLIS), BenchOrders.customerId(i));
      }
      store.flush();
      return time(index, now);
    }

    private Timing time(ChurnIndex index, long now) {
      long[] nanos = new long[REPEATS];
      for (int i = 0; i < REPEATS; i++) {
        long start = System.nanoTime();
        if (!index.due(now, MAX_CHECKS).isEmpty()) {
          throw new IllegalStateException("The probe's customers must not be due");
        }
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      return new Timing(nanos[REPEATS / 2] / 1e3, nanos[REPEATS - 1] / 1e3, customers);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {}
  }
}
