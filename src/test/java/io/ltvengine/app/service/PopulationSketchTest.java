package io.ltvengine.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.SegmentSketch;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PopulationSketchTest {

  private final PopulationSketch population = new PopulationSketch();

  private static LocalSegments instance(int customers) {
    SegmentSketch sketch = SegmentSketch.empty();
    for (int i = 1; i <= customers; i++) {
      CustomerState state = CustomerLedger.emptyState();
      state.setOrders(1);
      state.setAudience(new AudienceMembership("NEW", "LOW", 100L * i, "rest", 100L * i));
      sketch.add("c" + i, state, Optional.empty());
    }
    return new LocalSegments(List.of(), LocalSegments.encode(sketch.walked(1_000).toDigest()));
  }

  @Test
  void shouldMergeAgainOnlyWhenAnInstanceSendsAnotherSketch() {
    // Given what two instances sent
    SegmentSketch.Summary first = population.of(List.of(instance(10), instance(20)));

    // When they send the same again, then one of them another
    SegmentSketch.Summary same = population.of(List.of(instance(10), instance(20)));
    SegmentSketch.Summary changed = population.of(List.of(instance(10), instance(30)));

    // Then the same sketches are merged once, another is merged anew
    assertThat(first.customers()).isEqualTo(30);
    assertThat(same).isSameAs(first);
    assertThat(changed.customers()).isEqualTo(40);
  }
}
