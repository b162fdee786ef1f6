package io.ltvengine.streams;

import org.apache.kafka.common.serialization.Serde;

/** A topic with the serdes of its keys and values. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
