package io.ltvengine.app.service;

import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.model.customer.Assessment;
import io.ltvengine.model.customer.CustomerAssessor;
import io.ltvengine.model.customer.OutputRecords;
import io.ltvengine.streams.LtvSettings;
import io.ltvengine.streams.LtvSettings.Setting;
import io.ltvengine.streams.LtvTopology;
import io.ltvengine.streams.processors.ModelPredictions;
import io.ltvengine.streams.processors.Predictions;
import io.ltvengine.avro.LtvModel;
import java.util.function.Function;
import io.ltvengine.streams.stores.PopulationRhythm;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A customer's value at a given moment, judged exactly as the topology judges them: same assessor,
 * same output records, same model, and the population rhythm of the task that owns the customer.
 */
public final class CustomerViews {

  private final CustomerAssessor assessor;
  private final OutputRecords records;
  private final Predictions predictions;
  private final double defaultGapDays;
  private final long minPopulationGaps;

  private CustomerViews(
      CustomerAssessor assessor,
      OutputRecords records,
      Predictions predictions,
      double defaultGapDays,
      long minPopulationGaps) {
    this.assessor = assessor;
    this.records = records;
    this.predictions = predictions;
    this.defaultGapDays = defaultGapDays;
    this.minPopulationGaps = minPopulationGaps;
  }

  /** @param models the latest published parameters by model name, as the global store holds them */
  public static CustomerViews from(LtvSettings settings, Function<String, LtvModel> models) {
    return new CustomerViews(
        LtvTopology.assessor(settings),
        LtvTopology.outputRecords(settings),
        new ModelPredictions(
            models, LtvTopology.modelOptions(settings), LtvTopology.currency(settings).minorPerMajor()),
        settings.getDouble(Setting.DEFAULT_GAP_DAYS),
        settings.getLong(Setting.MIN_POPULATION_GAPS));
  }

  public CustomerLtv at(
      String customerId, CustomerState state, ReadOnlyKeyValueStore<String, Long> population, long now) {
    double populationGap = PopulationRhythm.meanGapDays(population, defaultGapDays, minPopulationGaps);
    Assessment assessment = assessor.assess(state, now, populationGap, predictions.predict(state, now));
    return records.ltv(customerId, state, assessment, now);
  }
}
