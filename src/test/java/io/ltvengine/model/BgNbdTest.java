package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Closed-form identities, limits and numerical robustness of BG/NBD at the CDNOW estimates. */
class BgNbdTest {

  private final BgNbd model = new BgNbd(0.2425945, 4.4136019, 0.7929199, 2.4258881);

  @Test
  void shouldReturnPAliveOneForZeroRepeatPurchases() {
    assertThat(model.pAlive(CustomerHistory.of(0, 0, 38.86))).isEqualTo(1);
    assertThat(model.ageWhenPAliveDropsBelow(0.5, 0, 0)).isInfinite();
  }

  @Test
  void shouldReproduceThePublishedConditionalExpectationOfCdnowCustomerOne() {
    // Given customer 1 of the CDNOW sample: x = 2, tx = 30.43, T = 38.86 (FHL 2005, section 5)
    CustomerHistory customerOne = CustomerHistory.of(2, 30.43, 38.86);

    // When / Then the paper reports 1.226 expected purchases in the next 39 weeks
    assertThat(model.expectedPurchases(39, customerOne)).isCloseTo(1.226, within(0.0005));
  }

  @Test
  void shouldIncreaseExpectedPurchasesWithTheHorizon() {
    // Given
    CustomerHistory history = CustomerHistory.of(2, 30.43, 38.86);

    // When
    double[] expected =
        IntStream.rangeClosed(0, 60)
            .mapToDouble(t -> model.expectedPurchases(t * 5, history))
            .toArray();

    // Then
    assertThat(expected[0]).isZero();
    for (int i = 1; i < expected.length; i++) {
      assertThat(expected[i]).isGreaterThan(expected[i - 1]);
    }
  }

  @Test
  void shouldMatchTheConditionalExpectationOfACustomerWithNoHistory() {
    // Given equation (7) for a new customer and equation (10) at x = tx = T = 0
    for (double t : new double[] {1, 39, 78, 500}) {
      // When / Then
      assertThat(model.expectedPurchasesOfNewCustomer(t))
          .isCloseTo(model.expectedPurchases(t, CustomerHistory.newCustomer()), within(1e-10));
    }
  }

  @Test
  void shouldHaveCountProbabilitiesSummingToOneWithTheRightMean() {
    // Given
    double t = 39;

    // When
    double total =
        IntStream.range(0, 400).mapToDouble(n -> model.probabilityOfPurchases(n, t)).sum();
    double mean =
        IntStream.range(0, 400).mapToDouble(n -> n * model.probabilityOfPurchases(n, t)).sum();

    // Then
    assertThat(total).isCloseTo(1, within(1e-9));
    assertThat(mean).isCloseTo(model.expectedPurchasesOfNewCustomer(t), within(1e-6));
  }

  @Test
  void shouldLowerPAliveTheLongerACustomerStaysSilent() {
    assertThat(model.pAlive(CustomerHistory.of(3, 10, 40)))
        .isLessThan(model.pAlive(CustomerHistory.of(3, 10, 20)))
        .isLessThan(model.pAlive(CustomerHistory.of(3, 10, 10)));
  }

  @Test
  void shouldFindTheAgeWherePAliveCrossesTheThreshold() {
    // When
    double age = model.ageWhenPAliveDropsBelow(0.3, 4, 12);

    // Then
    assertThat(model.pAlive(CustomerHistory.of(4, 12, age))).isCloseTo(0.3, within(1e-9));
    assertThat(model.pAlive(CustomerHistory.of(4, 12, age + 0.01))).isLessThan(0.3);
  }

  @ParameterizedTest
  @CsvSource({
    "0,0,0",
    "0,0,1e-9",
    "1,1e-9,1e-9",
    "5,20,20",
    "5000,38,38",
    "5000,1,38.86",
    "5000,38.86,1e6",
    "1,0,1e7"
  })
  void shouldStayFiniteAtExtremeHistories(int x, double tx, double age) {
    // Given
    CustomerHistory history = CustomerHistory.of(x, tx, age);

    // When / Then
    assertThat(model.logLikelihood(history)).isFinite();
    assertThat(model.pAlive(history)).isBetween(0.0, 1.0);
    assertThat(model.expectedPurchases(52, history)).isFinite().isNotNegative();
    assertThat(model.expectedPurchases(1e-6, history)).isFinite().isNotNegative();
  }

  @Test
  void shouldAgreeBetweenThePointAndTheCurveForOrdinaryParameters() {
    BgNbd model = new BgNbd(0.2425945, 4.4136019, 0.7929199, 2.4258881);
    CustomerHistory history = new CustomerHistory(3, 20, 38, 0, 1);

    double[] curve = model.expectedPurchasesCurve(52, history);

    assertThat(curve[52]).isCloseTo(model.expectedPurchases(52, history), org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void shouldStayFiniteForAFitWithHugeAAndBWhereTheTransformedSeriesOverflows() {
    // A fit of 3,000 customers who share one churn probability
    BgNbd model = new BgNbd(0.5, 1.0, 46_648, 916_358);
    CustomerHistory history = new CustomerHistory(19, 37.29, 37.43, 0, 1);

    double point = model.expectedPurchases(52, history);
    double[] curve = model.expectedPurchasesCurve(52, history);

    assertThat(point).as("E[X(52)] of a customer with 19 repeats").isFinite().isPositive();
    assertThat(curve[52]).isCloseTo(point, org.assertj.core.api.Assertions.within(1e-9 * point));
    assertThat(curve[26]).as("half the horizon").isLessThan(curve[52]).isPositive();
  }
}
