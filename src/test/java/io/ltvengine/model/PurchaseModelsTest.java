package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PurchaseModelsTest {

  private static final Map<String, Map<String, Double>> PARAMETERS =
      Map.of(
          BgNbd.NAME, Map.of("r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426),
          ModifiedBgNbd.NAME, Map.of("r", 0.525, "alpha", 6.183, "a", 0.891, "b", 1.614),
          ParetoNbd.NAME, Map.of("r", 0.553, "alpha", 10.578, "s", 0.606, "beta", 11.669));

  @ParameterizedTest
  @ValueSource(strings = {"bgnbd", "mbgnbd", "pareto-nbd"})
  void shouldRebuildAModelFromItsPublishedParameters(String name) {
    // Given
    PurchaseModel original = PurchaseModels.create(name, PARAMETERS.get(name));
    FittedModel published = new FittedModel(name, original.parameters(), -1, TimeUnit.WEEKS, new FitQuality(true, "", Map.of()));

    // When
    PurchaseModel rebuilt = published.toPurchaseModel();

    // Then
    CustomerHistory history = CustomerHistory.of(3, 20, 35);
    assertThat(rebuilt.name()).isEqualTo(name);
    assertThat(rebuilt.parameters()).isEqualTo(PARAMETERS.get(name));
    assertThat(rebuilt.expectedPurchases(10, history))
        .isEqualTo(original.expectedPurchases(10, history));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bgnbd", "mbgnbd", "pareto-nbd"})
  void shouldGiveTheSameCurveAsPointwiseExpectations(String name) {
    // Given
    PurchaseModel model = PurchaseModels.create(name, PARAMETERS.get(name));
    CustomerHistory history = CustomerHistory.of(4, 25, 38);

    // When
    double[] curve = model.expectedPurchasesCurve(104, history);

    // Then
    assertThat(curve[0]).isZero();
    for (int k = 1; k < curve.length; k++) {
      assertThat(curve[k]).isCloseTo(model.expectedPurchases(k, history), within(1e-12));
    }
  }

  @Test
  void shouldRejectAnUnknownModelName() {
    assertThatThrownBy(() -> PurchaseModels.create("weibull", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bgnbd");
  }
}
