package io.ltvengine.streams.processors;

import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.streams.stores.AudienceBook;
import io.ltvengine.streams.stores.ChurnIndex;
import io.ltvengine.streams.stores.TaskSketch;
import io.ltvengine.valuation.Judging;
import org.apache.kafka.streams.state.KeyValueStore;

/** One task's stores as the order processor and its churn check share them. */
record Task(
    KeyValueStore<String, CustomerState> customers,
    ChurnIndex churnIndex,
    Judging judging,
    AudienceBook audiences,
    TaskSketch sketch) {}
