package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaGammaTest {

  private final GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);

  @Test
  void shouldExpectThePopulationMeanSpendForACustomerWithoutRepeatPurchases() {
    assertThat(model.expectedAverageSpend(CustomerHistory.of(0, 0, 10)))
        .isCloseTo(6.25 * 15.44 / (3.74 - 1), within(1e-12));
  }

  @Test
  void shouldMoveTowardsTheCustomersOwnMeanWithMorePurchases() {
    // Given
    CustomerHistory few = new CustomerHistory(1, 5, 10, 100, 1);
    CustomerHistory many = new CustomerHistory(50, 5, 10, 100, 1);

    // When / Then
    assertThat(model.expectedAverageSpend(few)).isLessThan(model.expectedAverageSpend(many));
    assertThat(model.expectedAverageSpend(many)).isCloseTo(100, within(5.0));
  }
}
