package io.ltvengine.jmh;

import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.OrderType;
import io.ltvengine.avro.SalesChannel;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.valuation.AlertRule;
import io.ltvengine.valuation.Assessment;
import io.ltvengine.valuation.CurrencyConverter;
import io.ltvengine.valuation.CustomerAssessor;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.HistoricalValue;
import io.ltvengine.valuation.OrderFacts;
import io.ltvengine.valuation.OutputRecords;
import io.ltvengine.valuation.Prediction;
import io.ltvengine.valuation.RhythmPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's per-order work outside Kafka: apply the order to the customer's state, assess the
 * customer and build the LTV record. The customer has a full purchase history, the costly case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateUpdateBenchmark {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final Prediction NO_MODEL = null;

  private final CustomerAssessor assessor =
      new CustomerAssessor(new RhythmPolicy(2, 2, 7), new AlertRule(AlertRule.Kind.EXPECTED_PRECISION, 0.8, 0.5, 90));
  private final OutputRecords records =
      new OutputRecords(new HistoricalValue(0.3, 365), CurrencyConverter.parse("EUR", ""));
  private CustomerState state;
  private long eventTime;

  @Setup
  public void setUp() {
    state = CustomerLedger.emptyState();
    eventTime = 1_700_000_000_000L;
    for (int i = 0; i < 20; i++) {
      CustomerLedger.apply(state, purchase());
    }
  }

  private OrderFacts purchase() {
    eventTime += 9 * DAY;
    return new OrderFacts(
        "o-" + eventTime, "o-" + eventTime + "|PURCHASE|", "c-0000007", eventTime, OrderType.PURCHASE,
        12_990, 6_490L, Map.of("fashion", 12_990L), "fashion", SalesChannel.WEB);
  }

  @Benchmark
  public CustomerLtv applyAssessEmit() {
    CustomerLedger.apply(state, purchase());
    Assessment assessment = assessor.assess(state, eventTime, 30, NO_MODEL);
    return records.ltv("c-0000007", state, assessment, eventTime);
  }
}
