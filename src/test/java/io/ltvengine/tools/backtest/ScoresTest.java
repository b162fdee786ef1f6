package io.ltvengine.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LifecycleSegment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

  private static Outcome outcome(String id, double pAlive, double predicted, int actual, double spend) {
    CustomerLtv ltv = CustomerLtv.newBuilder()
        .setCustomerId(id).setAsOf(Instant.EPOCH).setCurrency("USD").setOrders(1).setRefunds(0)
        .setGrossRevenueMinor(0).setRefundedMinor(0).setNetRevenueMinor(0)
        .setFirstPurchaseAt(Instant.EPOCH).setLastPurchaseAt(Instant.EPOCH).setTenureDays(0).setRecencyDays(0)
        .setAverageOrderValue(0).setPurchaseFrequencyPerYear(0).setExpectedLifespanYears(1).setHistoricalLtv(0)
        .setExpectedGapDays(30).setChurnRiskTier(ChurnRiskTier.LOW).setSegment(LifecycleSegment.NEW)
        .setAcquisitionMonth("1970-01").setPAlive(pAlive).setExpectedPurchases(predicted).setPredictedClv(predicted)
        .build();
    return new Outcome(id, 0, new Served(ltv, false), actual, spend);
  }

  @Test
  void shouldGiveOneForAPerfectRankingAndAHalfForNone() {
    List<Outcome> perfect = List.of(outcome("a", 0.9, 3, 2, 30), outcome("b", 0.8, 2, 1, 20), outcome("c", 0.1, 1, 0, 0));
    List<Outcome> tied = List.of(outcome("a", 0.5, 1, 2, 30), outcome("b", 0.5, 1, 0, 0));

    assertThat(Scores.auc(perfect, Outcome::pAlive, Outcome::buysAgain)).isEqualTo(1.0);
    assertThat(Scores.auc(tied, Outcome::pAlive, Outcome::buysAgain)).isEqualTo(0.5);
    assertThat(Scores.normalizedGini(perfect, Outcome::predictedClv, Outcome::actualSpend)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void shouldMeasureTheErrorsOfPredictions() {
    List<Outcome> outcomes = List.of(outcome("a", 1.0, 3, 2, 30), outcome("b", 0.0, 0, 1, 20));

    assertThat(Scores.mae(outcomes)).isEqualTo(1.0);
    assertThat(Scores.brier(outcomes)).isEqualTo(0.5);
  }
}
