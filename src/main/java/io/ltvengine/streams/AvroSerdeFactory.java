package io.ltvengine.streams;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Makes value serdes for the generated Avro classes; the registry decides the wire format. */
@FunctionalInterface
public interface AvroSerdeFactory {
  <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type);
}
