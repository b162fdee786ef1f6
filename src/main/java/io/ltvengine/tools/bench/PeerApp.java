package io.ltvengine.tools.bench;

import io.ltvengine.avro.Order;
import java.nio.ByteBuffer;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What a competent team would write first: a one-store Processor API application that decodes the
 * order, reads and writes a 16-byte per-customer aggregate (orders, revenue) in RocksDB and emits it.
 * The engine should not be slower than this despite doing far more per order.
 */
final class PeerApp implements AutoCloseable {

  private static final String STORE = "peer-aggregate";

  private final LongAdder processed = new LongAdder();
  private final KafkaStreams streams;
  private final String applicationId;

  PeerApp(BenchKafka kafka, RunSpec run, String ordersTopic, String outputTopic) {
    this.applicationId = "bench-" + run.name();
    Properties properties = kafka.clientProperties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, run.stateDir().toString());
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, run.guarantee());
    // The engine's producer setting, so both pay the same for sending.
    properties.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "5");
    this.streams = new KafkaStreams(topology(kafka, ordersTopic, outputTopic), properties);
  }

  private Topology topology(BenchKafka kafka, String ordersTopic, String outputTopic) {
    Topology topology = new Topology();
    topology.addSource("orders", Serdes.String().deserializer(), kafka.orderSerde().deserializer(), ordersTopic);
    topology.addProcessor("aggregate", () -> new Aggregate(processed), "orders");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()),
        "aggregate");
    topology.addSink("out", outputTopic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "aggregate");
    return topology;
  }

  PeerApp start() {
    streams.start();
    return this;
  }

  String applicationId() {
    return applicationId;
  }

  long processed() {
    return processed.sum();
  }

  @Override
  public void close() {
    streams.close();
  }

  /** Orders and revenue per customer: one get, one put, one output record per order. */
  private static final class Aggregate extends ContextualProcessor<String, Order, String, byte[]> {

    private final LongAdder processed;
    private KeyValueStore<String, byte[]> store;

    Aggregate(LongAdder processed) {
      this.processed = processed;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      super.init(context);
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Order> record) {
      byte[] previous = store.get(record.key());
      ByteBuffer aggregate = previous == null ? ByteBuffer.allocate(16) : ByteBuffer.wrap(previous);
      long orders = aggregate.getLong(0) + 1;
      long revenue = aggregate.getLong(8) + record.value().getAmountMinor();
      byte[] updated = ByteBuffer.allocate(16).putLong(orders).putLong(revenue).array();
      store.put(record.key(), updated);
      context().forward(record.withValue(updated));
      processed.increment();
    }
  }
}
