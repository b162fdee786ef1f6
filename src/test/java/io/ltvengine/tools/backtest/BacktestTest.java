package io.ltvengine.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.Predictor;
import io.ltvengine.model.PurchaseModel;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.TimeUnit;
import io.ltvengine.model.data.InputFormat;
import io.ltvengine.model.data.Transaction;
import io.ltvengine.model.data.TransactionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backtest on the CDNOW sample, 39 weeks of calibration and 39 of holdout. */
class BacktestTest {

  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  private static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  private static final double HOLDOUT_WEEKS = 39;

  private static List<Transaction> cdnow;

  @BeforeAll
  static void read() throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        BacktestTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt"), StandardCharsets.UTF_8))) {
      cdnow = TransactionReader.read(reader, InputFormat.CDNOW);
    }
  }

  private static Backtest.Result backtest(String model) {
    return Backtest.run(cdnow, new Backtest.Options(model, CALIBRATION_END, HOLDOUT_END));
  }

  @Test
  void shouldServeFromTheStreamWhatBatchScoringGivesForEveryCdnowCustomer() {
    // Given the backtest's replay through the topology, and the batch model at the same parameters
    Backtest.Result result = backtest("bgnbd");
    PurchaseModel batch = PurchaseModels.create("bgnbd", result.model().getParameters());

    // Then every customer's served P(alive) and expected purchases are the batch figures
    assertThat(result.report().outcomes()).hasSize(2357);
    for (Outcome outcome : result.report().outcomes()) {
      CustomerHistory history = result.calibration().get(outcome.customerId());
      double expected = batch.expectedPurchases(HOLDOUT_WEEKS, history);
      assertThat(outcome.pAlive()).as("P(alive) of " + outcome.customerId())
          .isCloseTo(batch.pAlive(history), within(1e-9 * batch.pAlive(history)));
      assertThat(outcome.predictedPurchases()).as("expected purchases of " + outcome.customerId())
          .isCloseTo(expected, within(1e-9 * Math.max(expected, 1e-12)));
    }
  }

  @Test
  void shouldServeTheBatchSpendAndClvOfTheRepeatPurchasesForEveryCdnowCustomer() {
    // Given the batch predictor at the stream's parameters, horizon (39 weeks) and weekly discount
    Backtest.Result result = backtest("bgnbd");
    Predictor batch = new Predictor(PurchaseModels.create("bgnbd", result.model().getParameters()),
        GammaGamma.fromParameters(result.model().getSpendParameters()), 39, Math.pow(1.1, 7 / 365.25) - 1,
        TimeUnit.WEEKS);

    // Then every customer's served spend per purchase and CLV are the batch figures, which value
    // the repeat purchases only (the first one left out, as Gamma-Gamma is fitted)
    for (Outcome outcome : result.report().outcomes()) {
      Predictor.Score score = batch.score(result.calibration().get(outcome.customerId()));
      assertThat(outcome.served().ltv().getExpectedAvgSpend()).as("expected spend of " + outcome.customerId())
          .isCloseTo(score.expectedAvgSpend(), within(1e-9 * score.expectedAvgSpend()));
      assertThat(outcome.predictedClv()).as("CLV of " + outcome.customerId())
          .isCloseTo(score.clv(), within(1e-9 * Math.max(score.clv(), 1e-12)));
    }
  }

  @Test
  void shouldServeAChurnProbabilityThatRanksBuyersAsTheTrueOneDoes() {
    // Given the synthetic shop, whose true parameters the oracle knows
    OracleComparison oracle = Backtest.runSynthetic(4_000, 5, "bgnbd", Map.of()).oracle().orElseThrow();

    // Then the engine's alerts are within 5% of the oracle's at as many, and its churn probability
    // ranks customers within 0.01 of the true probability of buying in the holdout
    assertThat(oracle.engine().precision() / oracle.oracle().precision()).as("precision against the oracle's")
        .isGreaterThanOrEqualTo(0.95);
    assertThat(oracle.engine().recall() / oracle.oracle().recall()).as("recall against the oracle's")
        .isGreaterThanOrEqualTo(0.95);
    assertThat(oracle.auc().engineChurn()).as("AUC of 1 - churn probability")
        .isCloseTo(oracle.auc().oracleBest(), within(0.01));
  }

  @Test
  void shouldReproduceTheKnownHoldoutPurchasesOfBgNbdAndParetoNbd() {
    BacktestReport bgNbd = backtest("bgnbd").report();
    BacktestReport paretoNbd = backtest("pareto-nbd").report();

    assertThat(bgNbd.actualTotal()).as("actual repeat purchases in weeks 40-78").isEqualTo(1882);
    assertThat(bgNbd.predictedTotal()).as("BG/NBD's prediction").isCloseTo(1653.4, within(0.05));
    assertThat(paretoNbd.predictedTotal()).as("Pareto/NBD's prediction").isCloseTo(1665.5, within(0.05));
  }

  @Test
  void shouldScoreAlertsAndRankingsWithinTheirRanges() {
    BacktestReport report = backtest("pareto-nbd").report();

    assertThat(report.alerts().flagged()).as("open alerts at the calibration end").isPositive();
    assertThat(report.topByPAlive().flagged()).isEqualTo(report.alerts().flagged());
    assertThat(report.topByChurnProbability().flagged()).isEqualTo(report.alerts().flagged());
    assertThat(Scores.auc(report.outcomes(), Outcome::pAlive, Outcome::buysAgain)).isBetween(0.5, 1.0);
    assertThat(report.byFrequency()).hasSize(8);
    assertThat(report.byDecile()).extracting(BacktestReport.Row::customers).containsOnly(235, 236);
  }

  @Test
  void shouldSetTheEngineBesideAnOracleThatKnowsTheSyntheticShopsTrueParameters() {
    Backtest.Result result = Backtest.runSynthetic(2_000, 11, "bgnbd", Map.of());

    OracleComparison oracle = result.oracle().orElseThrow();
    assertThat(oracle.oracle().flagged()).as("oracle's alerts, as many as the engine's").isEqualTo(oracle.engine().flagged());
    assertThat(oracle.engine().flagged()).as("engine's open alerts").isPositive();
    assertThat(oracle.rhythmOnly().flagged()).as("alerts of the rhythm rule alone").isPositive();
    assertThat(oracle.auc().oracleBest()).as("the best achievable AUC")
        .isGreaterThanOrEqualTo(oracle.auc().oraclePAlive()).isBetween(0.5, 1.0);
    assertThat(result.report().outcomes()).hasSize(2_000);
  }
}
