package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hypergeometric2F1Test {

  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 0.1, 0.5, 0.9, 0.999, -0.5, -3, -100})
  void shouldMatchLogarithmClosedFormOf2F1Of1And1And2(double z) {
    // Given 2F1(1, 1; 2; z) = -ln(1 - z) / z
    double expected = -Math.log1p(-z) / z;

    // When / Then
    assertThat(Hypergeometric2F1.value(1, 1, 2, z)).isCloseTo(expected, within(1e-12 * expected));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.3, 0.7, 0.95})
  void shouldMatchArcsineClosedForm(double x) {
    // Given 2F1(1/2, 1/2; 3/2; x^2) = arcsin(x) / x
    double expected = Math.asin(x) / x;

    // When / Then
    assertThat(Hypergeometric2F1.value(0.5, 0.5, 1.5, x * x)).isCloseTo(expected, within(1e-12));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.8, 0.99, -2})
  void shouldReduceToABinomialPowerWhenBEqualsC(double z) {
    // Given 2F1(a, b; b; z) = (1 - z)^-a
    double expected = Math.pow(1 - z, -2.7);

    // When / Then
    assertThat(Hypergeometric2F1.value(2.7, 1.3, 1.3, z))
        .isCloseTo(expected, within(1e-10 * expected));
  }

  @Test
  void shouldGiveTheLogWhenHugeParametersOverflowTheValue() {
    // Given 2F1(a, b; b; z) = (1 - z)^-a with a = 5000, far beyond a double at z = 0.9
    double expectedLog = -5000 * Math.log1p(-0.9);

    // When / Then
    assertThat(Hypergeometric2F1.logValue(5000, 5000.5, 5000.5, 0.9))
        .isCloseTo(expectedLog, within(1e-9 * expectedLog));
    assertThatThrownBy(() -> Hypergeometric2F1.value(5000, 5000.5, 5000.5, 0.9))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("overflows");
  }

  @Test
  void shouldThrowRatherThanReturnAValueAtOrBeyondTheBranchPoint() {
    assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("z < 1");
  }

  @Test
  void shouldThrowWhenTheSeriesCannotConvergeInTheTermBudget() {
    // Given z so close to 1 that the slowly decaying series needs far more than a million terms
    assertThatThrownBy(() -> Hypergeometric2F1.value(0.5, 0.5, 1.2, 1 - 1e-9))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("did not converge");
  }
}
