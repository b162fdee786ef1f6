package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModifiedBgNbdTest {

  private final ModifiedBgNbd model = new ModifiedBgNbd(0.525, 6.183, 0.891, 1.614);

  @Test
  void shouldGivePAliveBelowOneForZeroRepeatPurchases() {
    assertThat(model.pAlive(CustomerHistory.of(0, 0, 38.86))).isLessThan(1).isPositive();
  }

  @Test
  void shouldFindTheThresholdAgeInClosedFormEvenWithoutRepeatPurchases() {
    // When
    double age = model.ageWhenPAliveDropsBelow(0.2, 0, 0);

    // Then
    assertThat(age).isFinite();
    assertThat(model.pAlive(CustomerHistory.of(0, 0, age))).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void shouldExpectFewerPurchasesThanAnActiveCustomerWouldMake() {
    // Given a silent customer, whose P(alive) is well below one
    CustomerHistory silent = CustomerHistory.of(2, 5, 38);

    // When / Then
    assertThat(model.expectedPurchases(39, silent))
        .isLessThan(model.expectedPurchases(39, CustomerHistory.of(2, 38, 38)));
  }

  @ParameterizedTest
  @CsvSource({"0,0,0", "0,0,1e-9", "1,1e-9,1e-9", "5000,38,38", "5000,1,38.86"})
  void shouldStayFiniteAtExtremeHistories(int x, double tx, double age) {
    CustomerHistory history = CustomerHistory.of(x, tx, age);
    assertThat(model.logLikelihood(history)).isFinite();
    assertThat(model.pAlive(history)).isBetween(0.0, 1.0);
    assertThat(model.expectedPurchases(52, history)).isFinite().isNotNegative();
  }
}
