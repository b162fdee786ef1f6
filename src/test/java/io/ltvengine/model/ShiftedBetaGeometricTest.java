package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class ShiftedBetaGeometricTest {

  /** Fader and Hardie (2007), table 1: customers still active after years 0..7. */
  private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};

  private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};

  @Test
  void shouldReproduceThePublishedFitsOfBothSegments() {
    // When
    ShiftedBetaGeometric highEnd = ShiftedBetaGeometric.fit(HIGH_END);
    ShiftedBetaGeometric regular = ShiftedBetaGeometric.fit(REGULAR);

    // Then
    assertThat(highEnd.alpha()).isCloseTo(0.668, withinPercentage(1));
    assertThat(highEnd.beta()).isCloseTo(3.806, withinPercentage(1));
    assertThat(regular.alpha()).isCloseTo(0.704, withinPercentage(1));
    assertThat(regular.beta()).isCloseTo(1.182, withinPercentage(1));
  }

  @Test
  void shouldChainRetentionRatesIntoSurvivalAndChurn() {
    // Given
    ShiftedBetaGeometric model = new ShiftedBetaGeometric(0.668, 3.806);

    for (int t = 1; t <= 20; t++) {
      // Then S(t) = S(t-1) r(t) and P(T = t) = S(t-1) - S(t)
      assertThat(model.survival(t))
          .isCloseTo(model.survival(t - 1) * model.retentionRate(t), within(1e-12));
      assertThat(model.churnProbability(t))
          .isCloseTo(model.survival(t - 1) - model.survival(t), within(1e-12));
    }
  }

  @Test
  void shouldEqualTheDiscountedSumOfFutureSurvivalForDerl() {
    // Given a customer who has renewed 3 times, and a 10% discount rate
    ShiftedBetaGeometric model = new ShiftedBetaGeometric(0.668, 3.806);
    int renewals = 3;
    double d = 0.1;

    // When the residual lifetime is summed directly, period by period
    double direct = 0;
    for (int t = renewals + 1; t < 2000; t++) {
      direct += model.survival(t) / model.survival(renewals) / Math.pow(1 + d, t - renewals - 1);
    }

    // Then
    assertThat(model.discountedExpectedResidualLifetime(d, renewals))
        .isCloseTo(direct, within(1e-9));
  }
}
