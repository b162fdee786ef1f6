package io.ltvengine.streams.processors;

import io.ltvengine.avro.LtvModel;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global model store equal to the latest record per model name on the model topic. */
public final class ModelStoreUpdater implements Processor<String, LtvModel, Void, Void> {

  private final String storeName;
  private KeyValueStore<String, LtvModel> store;

  public ModelStoreUpdater(String storeName) {
    this.storeName = storeName;
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
    } else {
      store.put(record.key(), record.value());
    }
  }
}
