package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticRecoveryTest {

  @Test
  void shouldRecoverTheParametersCustomersWereSimulatedWith() {
    // Given 20,000 customers from the BG/NBD story with known parameters
    List<CustomerHistory> customers =
        new BgNbdSimulator(new BgNbd(0.5, 6.0, 0.8, 2.5)).simulate(20_000, 42);

    // When
    Map<String, Double> fitted = BgNbd.fit(CustomerHistory.groupByHistory(customers)).parameters();

    // Then, within sampling error
    assertThat(fitted.get("r")).isCloseTo(0.5, withinPercentage(15));
    assertThat(fitted.get("alpha")).isCloseTo(6.0, withinPercentage(15));
    assertThat(fitted.get("a")).isCloseTo(0.8, withinPercentage(25));
    assertThat(fitted.get("b")).isCloseTo(2.5, withinPercentage(30));
  }
}
