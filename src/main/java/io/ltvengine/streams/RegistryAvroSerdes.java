package io.ltvengine.streams;

import io.ltvengine.registry.SchemaRegistryClient;
import io.ltvengine.registry.SchemaRegistryClients;
import io.ltvengine.registry.SpecificAvroSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Serdes in the Confluent wire format, sharing one registry client and its caches. */
public final class RegistryAvroSerdes implements AvroSerdeFactory {

  private final Map<String, Object> config;
  private final SchemaRegistryClient client;

  public RegistryAvroSerdes(Map<String, ?> config) {
    this.config = new HashMap<>(config);
    this.client = SchemaRegistryClients.create(this.config);
  }

  @Override
  public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(client, type);
    serde.configure(config, false);
    return serde;
  }
}
