package io.ltvengine.streams.processors;

import static io.ltvengine.streams.processors.ProcessorHarness.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.AudienceChangeReason;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.testing.Orders;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.junit.jupiter.api.Test;

class AudienceBackfillTest {

  private final ProcessorHarness harness = new ProcessorHarness(Map.of("churn.max.checks.per.punctuation", "2"));

  @Test
  void shouldCountCustomersAnEarlierVersionLeftUncountedInBatchesThenStop() {
    // Given three customers as a version without audiences kept them
    for (String customer : new String[] {"c-1", "c-2", "c-3"}) {
      harness.process(Orders.purchase(customer, customer + "-o1", day(0), 4_200).build());
      CustomerState state = harness.customers.get(customer);
      state.setAudience(null);
      harness.customers.put(customer, state);
    }
    harness.forget();

    // When the walk runs twice, two customers a batch, and once more after the end
    backfill();
    assertThat(harness.forwarded("audiences")).as("audience changes of the first batch").hasSize(4);
    backfill();
    backfill();

    // Then each customer joined their segment and tier once, counted for the first time
    assertThat(harness.forwarded("audiences")).hasSize(6)
        .allSatisfy(change -> assertThat(((AudienceChange) change).getReason()).isEqualTo(AudienceChangeReason.COUNTED));
    assertThat(harness.customers.get("c-3").getAudience().getSegment()).isEqualTo("NEW");
  }

  private void backfill() {
    harness.punctuator(PunctuationType.WALL_CLOCK_TIME, Duration.ofSeconds(1)).punctuate(day(1).toEpochMilli());
  }
}
