package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fits on the raw CDNOW sample reproduce the published estimates (see the data README). */
class CdnowLiteratureTest {

  private static List<CustomerHistory> customers;
  private static List<CustomerHistory> grouped;

  @BeforeAll
  static void loadCdnow() {
    customers = Cdnow.histories();
    grouped = CustomerHistory.groupByHistory(customers);
  }

  @Test
  void shouldReproduceFaderHardieLeeBgNbdEstimates() {
    // When
    PurchaseModel model = BgNbd.fit(grouped);

    // Then
    Map<String, Double> p = model.parameters();
    assertThat(p.get("r")).isCloseTo(0.2425945, withinPercentage(1));
    assertThat(p.get("alpha")).isCloseTo(4.4136019, withinPercentage(1));
    assertThat(p.get("a")).isCloseTo(0.7929199, withinPercentage(1));
    assertThat(p.get("b")).isCloseTo(2.4258881, withinPercentage(1));
    assertThat(model.logLikelihood(customers)).isCloseTo(-9582.429, within(0.5));
  }

  @Test
  void shouldReproduceParetoNbdEstimates() {
    // When
    PurchaseModel model = ParetoNbd.fit(grouped);

    // Then
    Map<String, Double> p = model.parameters();
    assertThat(p.get("r")).isCloseTo(0.55315, withinPercentage(1));
    assertThat(p.get("alpha")).isCloseTo(10.57633, withinPercentage(1));
    assertThat(p.get("s")).isCloseTo(0.60625, withinPercentage(1));
    assertThat(p.get("beta")).isCloseTo(11.67150, withinPercentage(1));
    assertThat(model.logLikelihood(customers)).isCloseTo(-9594.976, within(0.5));
  }

  @Test
  void shouldReproduceGammaGammaEstimatesOnTheRepeatCustomers() {
    // When
    GammaGamma model = GammaGamma.fit(customers);

    // Then
    Map<String, Double> p = model.parameters();
    assertThat(GammaGamma.repeaters(customers)).hasSize(946);
    assertThat(p.get("p")).isCloseTo(6.25, withinPercentage(1));
    assertThat(p.get("q")).isCloseTo(3.74, withinPercentage(1));
    assertThat(p.get("gamma")).isCloseTo(15.44, withinPercentage(1));
    assertThat(model.logLikelihood(customers)).isCloseTo(-4055.92, within(0.5));
  }

  @Test
  void shouldFitModifiedBgNbdAtLeastAsWellAsAPAliveOneForNonRepeaters() {
    // When
    PurchaseModel model = ModifiedBgNbd.fit(grouped);

    // Then the nested-ish alternative lands near BG/NBD's fit and gives P(alive) < 1 at x = 0
    assertThat(model.logLikelihood(customers)).isCloseTo(-9582.4, within(20.0));
    assertThat(model.pAlive(CustomerHistory.of(0, 0, 38.86))).isLessThan(1);
  }
}
