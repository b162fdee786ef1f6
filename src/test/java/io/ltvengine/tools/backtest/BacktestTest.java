package io.ltvengine.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.PurchaseModel;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.data.InputFormat;
import io.ltvengine.model.data.Transaction;
import io.ltvengine.model.data.TransactionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
    assertThat(report.topByChurnProbability().flagged()).isEqualTo(report.alerts().flagged());
    assertThat(Scores.auc(report.outcomes(), Outcome::pAlive, Outcome::buysAgain)).isBetween(0.5, 1.0);
    assertThat(report.byFrequency()).hasSize(8);
    assertThat(report.byDecile()).extracting(BacktestReport.Row::customers).containsOnly(235, 236);
  }

  @Test
  void shouldSetTheEngineBesideAnOracleThatKnowsTheSyntheticShopsTrueParameters() {
    Backtest.Result result = Backtest.runSynthetic(2_000, 11, "bgnbd");

    OracleComparison oracle = result.oracle().orElseThrow();
    assertThat(oracle.oracle().flagged()).as("oracle's alerts, as many as the engine's").isEqualTo(oracle.engine().flagged());
    assertThat(oracle.engine().flagged()).as("engine's open alerts").isPositive();
    assertThat(oracle.rhythmOnly().flagged()).as("alerts of the rhythm rule alone").isPositive();
    assertThat(oracle.auc().oracleBest()).as("the best achievable AUC")
        .isGreaterThanOrEqualTo(oracle.auc().oraclePAlive()).isBetween(0.5, 1.0);
    assertThat(result.report().outcomes()).hasSize(2_000);
  }
}
