package io.ltvengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PredictorTest {

  private final BgNbd purchases = new BgNbd(0.243, 4.414, 0.793, 2.426);
  private final GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);

  @Test
  void shouldEqualExpectedPurchasesTimesSpendWithoutDiscounting() {
    // Given
    Predictor predictor = new Predictor(purchases, spend, 52, 0, TimeUnit.WEEKS);
    CustomerHistory history = new CustomerHistory(3, 30, 38, 40, 1);

    // When
    Predictor.Score score = predictor.score(history);

    // Then
    assertThat(score.pAlive()).isEqualTo(purchases.pAlive(history));
    assertThat(score.expectedPurchases())
        .isCloseTo(purchases.expectedPurchases(52, history), within(1e-12));
    assertThat(score.expectedAvgSpend()).isEqualTo(spend.expectedAverageSpend(history));
    assertThat(score.clv())
        .isCloseTo(score.expectedPurchases() * score.expectedAvgSpend(), within(1e-9));
  }

  @Test
  void shouldDiscountLaterPurchasesPeriodByPeriod() {
    // Given
    CustomerHistory history = new CustomerHistory(3, 30, 38, 40, 1);
    Clv clv = new Clv(3, 0.1);

    // When
    double value = clv.value(purchases, history, 10);

    // Then
    double expected = 0;
    for (int k = 1; k <= 3; k++) {
      double inPeriod =
          purchases.expectedPurchases(k, history) - purchases.expectedPurchases(k - 1, history);
      expected += inPeriod / Math.pow(1.1, k) * 10;
    }
    assertThat(value).isCloseTo(expected, within(1e-12));
  }

  @Test
  void shouldConvertRawEventTimesIntoTheModelTimeUnit() {
    // Given a customer who bought on day 0 and day 14 and is scored on day 28
    Predictor predictor = new Predictor(purchases, spend, 52, 0.01, TimeUnit.WEEKS);
    Instant first = Instant.parse("2024-01-01T00:00:00Z");

    // When
    Predictor.Score fromInstants =
        predictor.score(
            1, first, first.plus(Duration.ofDays(14)), first.plus(Duration.ofDays(28)), 25);

    // Then
    assertThat(fromInstants).isEqualTo(predictor.score(new CustomerHistory(1, 2, 4, 25, 1)));
  }
}
