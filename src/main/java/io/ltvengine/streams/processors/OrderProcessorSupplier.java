package io.ltvengine.streams.processors;

import io.ltvengine.avro.Order;
import io.ltvengine.model.customer.CustomerAssessor;
import io.ltvengine.model.customer.OutputRecords;
import io.ltvengine.model.customer.RecentEvents;
import io.ltvengine.streams.LtvMetrics;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/** Creates one order processor per task, connected to the stores it declares. */
public final class OrderProcessorSupplier
    implements ProcessorSupplier<String, Order, String, SpecificRecord> {

  private final OrderProcessor.Wiring wiring;
  private final OrderProcessor.ChurnSchedule schedule;
  private final OrderValidator validator;
  private final RecentEvents recentEvents;
  private final CustomerAssessor assessor;
  private final OutputRecords records;
  private final ModelPredictions.Options modelOptions;
  private final double minorPerMajor;
  private final double defaultGapDays;
  private final long minPopulationGaps;
  private final LtvMetrics metrics;
  private final Set<StoreBuilder<?>> stores;

  public OrderProcessorSupplier(
      OrderProcessor.Wiring wiring,
      OrderProcessor.ChurnSchedule schedule,
      OrderValidator validator,
      RecentEvents recentEvents,
      CustomerAssessor assessor,
      OutputRecords records,
      ModelPredictions.Options modelOptions,
      double minorPerMajor,
      double defaultGapDays,
      long minPopulationGaps,
      LtvMetrics metrics,
      Set<StoreBuilder<?>> stores) {
    this.wiring = wiring;
    this.schedule = schedule;
    this.validator = validator;
    this.recentEvents = recentEvents;
    this.assessor = assessor;
    this.records = records;
    this.modelOptions = modelOptions;
    this.minorPerMajor = minorPerMajor;
    this.defaultGapDays = defaultGapDays;
    this.minPopulationGaps = minPopulationGaps;
    this.metrics = metrics;
    this.stores = stores;
  }

  @Override
  public Processor<String, Order, String, SpecificRecord> get() {
    return new OrderProcessor(
        wiring,
        schedule,
        validator,
        recentEvents,
        new CustomerValuation(assessor, records),
        modelOptions,
        minorPerMajor,
        defaultGapDays,
        minPopulationGaps,
        metrics);
  }

  @Override
  public Set<StoreBuilder<?>> stores() {
    return stores;
  }
}
