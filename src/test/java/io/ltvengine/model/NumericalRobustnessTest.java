package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property-style: over many random and extreme histories, no NaN or infinity escapes a model. */
class NumericalRobustnessTest {

  private static final Map<String, Map<String, Double>> CDNOW_FITS =
      Map.of(
          BgNbd.NAME, Map.of("r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426),
          ModifiedBgNbd.NAME, Map.of("r", 0.525, "alpha", 6.183, "a", 0.891, "b", 1.614),
          ParetoNbd.NAME, Map.of("r", 0.553, "alpha", 10.578, "s", 0.606, "beta", 11.669));
  private static final int[] COUNTS = {0, 1, 2, 7, 40, 300, 5000};

  @ParameterizedTest
  @ValueSource(strings = {"bgnbd", "mbgnbd", "pareto-nbd"})
  void shouldKeepEveryQuantityFiniteAndInRange(String name) {
    // Given
    PurchaseModel model = PurchaseModels.create(name, CDNOW_FITS.get(name));
    Predictor predictor =
        new Predictor(model, new GammaGamma(6.25, 3.74, 15.44), 52, 0.01, TimeUnit.WEEKS);
    SplittableRandom random = new SplittableRandom(7);

    for (int i = 0; i < 3000; i++) {
      CustomerHistory h = randomHistory(random);

      // When
      double[] curve = model.expectedPurchasesCurve(52, h);
      Predictor.Score score = predictor.score(h);

      // Then
      assertThat(model.logLikelihood(h)).as("%s", h).isFinite();
      assertThat(model.pAlive(h)).as("%s", h).isBetween(0.0, 1.0);
      for (int k = 1; k < curve.length; k++) {
        assertThat(curve[k]).as("%s at %d", h, k).isFinite().isGreaterThanOrEqualTo(curve[k - 1]);
      }
      assertThat(score.clv()).as("%s", h).isFinite().isNotNegative();
    }
  }

  /** Ages from 1e-9 to 1e4 periods; the last purchase at 0, at the end, or anywhere between. */
  private static CustomerHistory randomHistory(SplittableRandom random) {
    int x = COUNTS[random.nextInt(COUNTS.length)];
    double age = Math.pow(10, random.nextDouble(-9, 4));
    double tx =
        switch (random.nextInt(3)) {
          case 0 -> 0;
          case 1 -> age;
          default -> random.nextDouble() * age;
        };
    return new CustomerHistory(x, x == 0 ? 0 : tx, age, x == 0 ? 0 : random.nextDouble(1, 500), 1);
  }
}
