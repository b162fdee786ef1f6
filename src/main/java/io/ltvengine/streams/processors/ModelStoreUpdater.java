package io.ltvengine.streams.processors;

import io.ltvengine.avro.LtvModel;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.valuation.Valuation;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global model store equal to the latest usable record per model name on the model
 * topic: a parameter set the valuation core cannot score with is refused, with a log line and a
 * metric, and the previous version stays in the store.
 */
public final class ModelStoreUpdater implements Processor<String, LtvModel, Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(ModelStoreUpdater.class);

  private final String storeName;
  private final Valuation valuation;
  private final LtvMetrics metrics;
  private KeyValueStore<String, LtvModel> store;

  public ModelStoreUpdater(String storeName, Valuation valuation, LtvMetrics metrics) {
    this.storeName = storeName;
    this.valuation = valuation;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, LtvModel> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    Optional<String> problem = valuation.modelProblem(record.value());
    if (problem.isPresent()) {
      LOG.warn("Refusing {} version {}: {}", record.key(), record.value().getVersion(), problem.get());
      metrics.modelRefused();
      return;
    }
    store.put(record.key(), record.value());
  }
}
