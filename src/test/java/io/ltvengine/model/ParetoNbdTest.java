package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParetoNbdTest {

  private final ParetoNbd model = new ParetoNbd(0.55315, 10.57633, 0.60625, 11.67150);

  @Test
  void shouldGivePAliveBelowOneAndDecreasingWithAgeForZeroRepeatPurchases() {
    // When
    double young = model.pAlive(CustomerHistory.of(0, 0, 5));
    double old = model.pAlive(CustomerHistory.of(0, 0, 38.86));

    // Then
    assertThat(young).isLessThan(1);
    assertThat(old).isLessThan(young);
    assertThat(model.pAlive(CustomerHistory.of(0, 0, 0))).isEqualTo(1);
  }

  @Test
  void shouldUseEitherBranchOfA0ConsistentlyWhenAlphaAndBetaSwapOrder() {
    // Given two parameter sets just either side of alpha = beta
    ParetoNbd alphaLarger = new ParetoNbd(0.55, 11.0 + 1e-7, 0.6, 11.0);
    ParetoNbd betaLarger = new ParetoNbd(0.55, 11.0, 0.6, 11.0 + 1e-7);
    CustomerHistory history = CustomerHistory.of(3, 20, 38);

    // When / Then the likelihood is continuous across the switch of 2F1 representation
    assertThat(alphaLarger.logLikelihood(history))
        .isCloseTo(betaLarger.logLikelihood(history), within(1e-6));
  }

  @Test
  void shouldRecoverTheThresholdAgeBySearch() {
    // When
    double age = model.ageWhenPAliveDropsBelow(0.4, 2, 10);

    // Then
    assertThat(model.pAlive(CustomerHistory.of(2, 10, age))).isCloseTo(0.4, within(1e-6));
  }

  @Test
  void shouldMatchTheUnconditionalMeanForANewCustomer() {
    // Given E[X(t)] = r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)] for a new customer
    double t = 39;
    double expected =
        0.55315
            * 11.67150
            / (10.57633 * (0.60625 - 1))
            * (1 - Math.pow(11.67150 / (11.67150 + t), 0.60625 - 1));

    // When / Then
    assertThat(model.expectedPurchases(t, CustomerHistory.newCustomer()))
        .isCloseTo(expected, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({
    "0,0,0",
    "0,0,1e-9",
    "1,1e-9,1e-9",
    "5,20,20",
    "5000,38,38",
    "5000,1,38.86",
    "5000,38.86,1e6"
  })
  void shouldStayFiniteAtExtremeHistories(int x, double tx, double age) {
    // Given
    CustomerHistory history = CustomerHistory.of(x, tx, age);

    // When / Then
    assertThat(model.logLikelihood(history)).isFinite();
    assertThat(model.pAlive(history)).isBetween(0.0, 1.0);
    assertThat(model.expectedPurchases(52, history)).isFinite().isNotNegative();
  }
}
