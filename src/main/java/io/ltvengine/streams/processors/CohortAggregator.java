package io.ltvengine.streams.processors;

import io.ltvengine.avro.CohortCell;
import io.ltvengine.avro.state.CohortDelta;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Adds cohort deltas, keyed by cohort cell, to their cell and emits the cell's new totals. */
public final class CohortAggregator extends ContextualProcessor<String, CohortDelta, String, CohortCell> {

  private final String storeName;
  private final String currency;
  private KeyValueStore<String, CohortCell> cells;

  public CohortAggregator(String storeName, String currency) {
    this.storeName = storeName;
    this.currency = currency;
  }

  @Override
  public void init(ProcessorContext<String, CohortCell> context) {
    super.init(context);
    cells = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CohortDelta> record) {
    CohortDelta delta = record.value();
    CohortCell cell = cells.get(record.key());
    if (cell == null) {
      cell = empty(delta);
    }
    cell.setAcquiredCustomers(cell.getAcquiredCustomers() + delta.getAcquiredDelta());
    cell.setActiveCustomers(cell.getActiveCustomers() + delta.getActiveDelta());
    cell.setRevenueMinor(cell.getRevenueMinor() + delta.getRevenueDeltaMinor());
    cell.setUpdatedAt(Instant.ofEpochMilli(Math.max(cell.getUpdatedAt().toEpochMilli(), record.timestamp())));
    cells.put(record.key(), cell);
    context().forward(record.withValue(cell));
  }

  private CohortCell empty(CohortDelta delta) {
    return CohortCell.newBuilder()
        .setDimension(delta.getDimension())
        .setCohort(delta.getCohort())
        .setMonthsSinceAcquisition(delta.getMonthsSinceAcquisition())
        .setAcquiredCustomers(0)
        .setActiveCustomers(0)
        .setRevenueMinor(0)
        .setCurrency(currency)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }
}
