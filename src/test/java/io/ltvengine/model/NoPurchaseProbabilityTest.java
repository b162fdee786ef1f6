package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * P(no purchase in the next t), the figure alerts are set on, against an independent estimate: the
 * individual-level probability averaged over the prior, each draw weighted by how likely it makes
 * the customer's history.
 */
class NoPurchaseProbabilityTest {

  private static final int DRAWS = 400_000;
  private static final CustomerHistory HISTORY = CustomerHistory.of(2, 10, 30);
  private static final double WEEKS = 26;

  private static final ParetoNbd PARETO_NBD = new ParetoNbd(0.55315, 10.57633, 0.60625, 11.67150);
  private static final BgNbd BG_NBD = new BgNbd(0.2426, 4.4136, 0.7929, 2.4259);

  static Stream<PurchaseModel> models() {
    return Stream.of(BG_NBD, PARETO_NBD, new ModifiedBgNbd(0.525, 6.183, 0.891, 1.614));
  }

  @Test
  void shouldMatchTheWeightedParetoNbdPopulationForACustomerWithHistory() {
    // Given lambda ~ Gamma(r, alpha) and mu ~ Gamma(s, beta), weighted by the history's likelihood
    RandomDataGenerator random = new RandomDataGenerator(7);
    GammaDistribution lambdas = new GammaDistribution(0.55315, 1 / 10.57633);
    GammaDistribution mus = new GammaDistribution(0.60625, 1 / 11.67150);
    double weighted = 0;
    double weights = 0;
    for (int i = 0; i < DRAWS; i++) {
      double lambda = random.nextDeviate(lambdas);
      double mu = random.nextDeviate(mus);
      double rate = lambda + mu;
      double purchases = Math.pow(lambda, HISTORY.x());
      double alive = purchases * Math.exp(-rate * HISTORY.age());
      double gone = purchases * mu / rate * (Math.exp(-rate * HISTORY.tx()) - Math.exp(-rate * HISTORY.age()));
      double silentIfAlive = mu / rate + lambda / rate * Math.exp(-rate * WEEKS);
      weighted += alive * silentIfAlive + gone;
      weights += alive + gone;
    }

    // When / Then
    assertThat(PARETO_NBD.probabilityOfNoPurchase(WEEKS, HISTORY))
        .as("P(no purchase in %s weeks) against the weighted draws", WEEKS)
        .isCloseTo(weighted / weights, within(0.01));
  }

  @Test
  void shouldMatchTheWeightedBgNbdPopulationForACustomerWithHistory() {
    // Given lambda ~ Gamma(r, alpha) and p ~ Beta(a, b), weighted by the history's likelihood
    RandomDataGenerator random = new RandomDataGenerator(11);
    GammaDistribution lambdas = new GammaDistribution(0.2426, 1 / 4.4136);
    BetaDistribution dropouts = new BetaDistribution(0.7929, 2.4259);
    double weighted = 0;
    double weights = 0;
    for (int i = 0; i < DRAWS; i++) {
      double lambda = random.nextDeviate(lambdas);
      double p = random.nextDeviate(dropouts);
      double purchases = Math.pow(lambda, HISTORY.x()) * Math.pow(1 - p, HISTORY.x() - 1);
      double alive = purchases * (1 - p) * Math.exp(-lambda * HISTORY.age());
      double gone = purchases * p * Math.exp(-lambda * HISTORY.tx());
      weighted += alive * Math.exp(-lambda * WEEKS) + gone;
      weights += alive + gone;
    }

    // When / Then
    assertThat(BG_NBD.probabilityOfNoPurchase(WEEKS, HISTORY))
        .as("P(no purchase in %s weeks) against the weighted draws", WEEKS)
        .isCloseTo(weighted / weights, within(0.01));
  }

  @Test
  void shouldGiveANewBgNbdCustomerTheChanceOfNoRepeatPurchase() {
    assertThat(BG_NBD.probabilityOfNoPurchase(WEEKS, CustomerHistory.newCustomer()))
        .isCloseTo(BG_NBD.probabilityOfPurchases(0, WEEKS), within(1e-12));
  }

  @Test
  void shouldReduceToTheGammaTermWhenParetoNbdCustomersHardlyEverDropOut() {
    // Given lifetimes so long that nobody drops out within the window
    ParetoNbd immortal = new ParetoNbd(0.55315, 10.57633, 1e-9, 11.67150);

    // Then the probability is 1 - P(alive) (1 - ((alpha+T)/(alpha+T+t))^(r+x))
    double gamma = Math.pow((10.57633 + 30) / (10.57633 + 30 + WEEKS), 0.55315 + 2);
    double pAlive = immortal.pAlive(HISTORY);
    assertThat(immortal.probabilityOfNoPurchase(WEEKS, HISTORY)).isCloseTo(1 - pAlive * (1 - gamma), within(1e-9));
  }

  @ParameterizedTest
  @MethodSource("models")
  void shouldFindTheAgeAtWhichSilenceBecomesLikely(PurchaseModel model) {
    // When
    double age = model.ageWhenSilenceLikely(0.8, WEEKS, 2, 10);

    // Then the probability reaches 0.8 there, having been lower before
    assertThat(model.probabilityOfNoPurchase(WEEKS, CustomerHistory.of(2, 10, age)))
        .as("%s at age %s", model.name(), age).isCloseTo(0.8, within(1e-6));
    assertThat(model.probabilityOfNoPurchase(WEEKS, CustomerHistory.of(2, 10, age - 1))).isLessThan(0.8);
    assertThat(age).isGreaterThan(10);
  }

  @ParameterizedTest
  @MethodSource("models")
  void shouldJudgeOneTimeBuyersToo(PurchaseModel model) {
    // A one-time buyer's silence makes a no-purchase more likely with every week, in every model
    double young = model.probabilityOfNoPurchase(WEEKS, CustomerHistory.of(0, 0, 4));
    double old = model.probabilityOfNoPurchase(WEEKS, CustomerHistory.of(0, 0, 40));

    assertThat(old).as(model.name()).isGreaterThan(young);
    assertThat(model.ageWhenSilenceLikely(0.8, WEEKS, 0, 0)).as(model.name()).isFinite();
  }
}
