package io.ltvengine.streams;

import static io.ltvengine.streams.LtvTopologyFixture.START;
import static io.ltvengine.testing.Orders.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.PurchaseModels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream serves the published model: predictive fields, model-based tiers and alerts. */
class ModelPredictionsTopologyTest {

  /** Fader, Hardie & Lee (2005) on CDNOW, time in weeks. */
  private static final Map<String, Double> BGNBD =
      Map.of("r", 0.243, "alpha", 4.414, "a", 0.793, "b", 2.426);

  private static final Map<String, Double> PARETO_NBD =
      Map.of("r", 0.553, "alpha", 10.578, "s", 0.606, "beta", 11.669);

  /** Fader & Hardie (2013). */
  private static final Map<String, Double> GAMMA_GAMMA = Map.of("p", 6.25, "q", 3.74, "gamma", 15.44);

  private static LtvModel model(String name, long version, Map<String, Double> parameters) {
    return LtvModel.newBuilder()
        .setModel(name)
        .setVersion(version)
        .setFittedAt(START)
        .setTimeUnitDays(7)
        .setParameters(parameters)
        .setSpendParameters(GAMMA_GAMMA)
        .setCustomers(2357)
        .build();
  }

  private static Instant week(double n) {
    return START.plus(Duration.ofMinutes(Math.round(n * 7 * 24 * 60)));
  }

  @Test
  void shouldFillPredictiveFieldsOnceAModelIsPublished() {
    try (LtvTopologyFixture fixture = new LtvTopologyFixture()) {
      // Given a published BG/NBD model
      fixture.models.pipeInput("bgnbd", model("bgnbd", 1, BGNBD));

      // When a customer buys three times
      fixture.send(purchase("c1", "o1", week(0), 2_000).build());
      fixture.send(purchase("c1", "o2", week(4), 3_000).build());
      fixture.send(purchase("c1", "o3", week(10), 1_000).build());

      // Then the update carries the model's view, as the model itself computes it
      List<CustomerLtv> updates = fixture.ltv.readValuesToList();
      CustomerLtv latest = updates.get(updates.size() - 1);
      double expectedPAlive = PurchaseModels.create("bgnbd", BGNBD).pAlive(CustomerHistory.of(2, 10, 10));
      assertThat(latest.getPAlive()).isCloseTo(expectedPAlive, within(1e-9));
      assertThat(latest.getExpectedPurchases()).isPositive();
      assertThat(latest.getExpectedAvgSpend()).isPositive();
      assertThat(latest.getPredictedClv()).isPositive();
      assertThat(latest.getModelName()).isEqualTo("bgnbd");
      assertThat(latest.getModelVersion()).isEqualTo(1L);
    }
  }

  @Test
  void shouldRefuseAModelThatCannotScoreAndKeepThePreviousVersion() {
    try (LtvTopologyFixture fixture = new LtvTopologyFixture()) {
      // Given a published BG/NBD model
      fixture.models.pipeInput("bgnbd", model("bgnbd", 1, BGNBD));

      // When a refit publishes a = 1, where the expected purchases of equation (10) divide by zero
      fixture.models.pipeInput("bgnbd", model("bgnbd", 2, Map.of("r", 0.5, "alpha", 1.0, "a", 1.0, "b", 2.0)));
      fixture.send(purchase("c1", "o1", week(0), 2_000).build());
      fixture.send(purchase("c1", "o2", week(4), 3_000).build());

      // Then the customer is scored with the previous version, and nothing failed
      CustomerLtv latest = fixture.ltv.readValuesToList().get(1);
      assertThat(latest.getModelVersion()).as("model version in use after a poisonous refit").isEqualTo(1L);
      assertThat(latest.getPAlive()).isNotNull();
    }
  }

  @Test
  void shouldPickUpANewModelVersionWithoutRestart() {
    try (LtvTopologyFixture fixture = new LtvTopologyFixture()) {
      fixture.models.pipeInput("bgnbd", model("bgnbd", 1, BGNBD));
      fixture.send(purchase("c1", "o1", week(0), 2_000).build());
      fixture.send(purchase("c1", "o2", week(2), 2_000).build());

      fixture.models.pipeInput("bgnbd", model("bgnbd", 2, Map.of("r", 0.5, "alpha", 2.0, "a", 0.5, "b", 5.0)));
      fixture.send(purchase("c1", "o3", week(3), 2_000).build());

      List<CustomerLtv> updates = fixture.ltv.readValuesToList();
      assertThat(updates).extracting(CustomerLtv::getModelVersion).containsExactly(1L, 1L, 2L);
    }
  }

  @Test
  void shouldAlertAOneTimeBuyerOnceNoPurchaseWithinTheHorizonIsAsLikelyAsTheTargetPrecision() {
    try (LtvTopologyFixture fixture = new LtvTopologyFixture(Map.of("model.name", "pareto-nbd"))) {
      // Given Pareto/NBD and the default rule: alert at 0.8 probability of no purchase within 90 days
      fixture.models.pipeInput("pareto-nbd", model("pareto-nbd", 1, PARETO_NBD));
      fixture.send(purchase("c1", "o1", week(0), 2_000).build());
      double crossing = PurchaseModels.create("pareto-nbd", PARETO_NBD).ageWhenSilenceLikely(0.8, 90 / 7.0, 0, 0);

      // When time passes to just before, then just after, the crossing
      fixture.driver.advanceWallClockTime(Duration.between(START, week(crossing - 1)));
      assertThat(fixture.alerts.isEmpty()).as("no alert a week before the crossing at week %s", crossing).isTrue();
      fixture.driver.advanceWallClockTime(Duration.ofDays(14));

      // Then one alert fires, judged by the model, at the target probability
      ChurnAlert alert = fixture.alerts.readValue();
      assertThat(alert.getRiskTier()).isEqualTo(ChurnRiskTier.HIGH);
      assertThat(alert.getChurnProbability()).isGreaterThanOrEqualTo(0.8);
      assertThat(fixture.alerts.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldAlertAOneTimeBuyerWhenParetoNbdPAliveFallsBelowTheThresholdUnderThePAliveRule() {
    Map<String, String> settings = Map.of("model.name", "pareto-nbd", "churn.alert.rule", "p-alive");
    try (LtvTopologyFixture fixture = new LtvTopologyFixture(settings)) {
      // Given Pareto/NBD, under which one-time buyers can lapse
      fixture.models.pipeInput("pareto-nbd", model("pareto-nbd", 1, PARETO_NBD));
      fixture.send(purchase("c1", "o1", week(0), 2_000).build());
      double crossing =
          PurchaseModels.create("pareto-nbd", PARETO_NBD).ageWhenPAliveDropsBelow(0.3, 0, 0);

      // When time passes to just before, then just after, P(alive) crosses 0.3
      fixture.driver.advanceWallClockTime(Duration.between(START, week(crossing - 1)));
      assertThat(fixture.alerts.isEmpty()).isTrue();
      fixture.driver.advanceWallClockTime(Duration.ofDays(14));

      // Then one alert fires, judged by the model
      ChurnAlert alert = fixture.alerts.readValue();
      assertThat(alert.getRiskTier()).isEqualTo(ChurnRiskTier.HIGH);
      assertThat(alert.getPAlive()).isLessThan(0.3);
      assertThat(fixture.alerts.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldJudgeOneTimeBuyersByTheModelUnderBgNbdThoughItHoldsThemAlive() {
    try (LtvTopologyFixture fixture = new LtvTopologyFixture()) {
      // Given BG/NBD, whose P(alive) of a one-time buyer is 1
      fixture.models.pipeInput("bgnbd", model("bgnbd", 1, BGNBD));
      fixture.send(purchase("c1", "o1", START, 2_000).build());
      double crossing = PurchaseModels.create("bgnbd", BGNBD).ageWhenSilenceLikely(0.8, 90 / 7.0, 0, 0);

      // When time passes beyond the week where no purchase within 90 days gets 0.8 likely
      fixture.driver.advanceWallClockTime(Duration.between(START, week(crossing - 0.5)));
      assertThat(fixture.alerts.isEmpty()).as("no alert before week %s", crossing).isTrue();
      fixture.driver.advanceWallClockTime(Duration.ofDays(7));

      // Then the model alerted, well before the rhythm rule's 60 days
      ChurnAlert alert = fixture.alerts.readValue();
      assertThat(alert.getPAlive()).as("BG/NBD keeps one-time buyers alive").isEqualTo(1.0);
      assertThat(alert.getChurnProbability()).isGreaterThanOrEqualTo(0.8);
      assertThat(alert.getDaysSinceLastPurchase()).isLessThan(60);
    }
  }

  @Test
  void shouldJudgeOneTimeBuyersByRhythmUnderBgNbdWithThePAliveRule() {
    try (LtvTopologyFixture fixture = new LtvTopologyFixture(Map.of("churn.alert.rule", "p-alive"))) {
      fixture.models.pipeInput("bgnbd", model("bgnbd", 1, BGNBD));
      fixture.send(purchase("c1", "o1", START, 2_000).build());

      fixture.driver.advanceWallClockTime(Duration.ofDays(61));

      ChurnAlert alert = fixture.alerts.readValue();
      assertThat(alert.getPAlive()).as("BG/NBD keeps one-time buyers alive").isEqualTo(1.0);
      assertThat(alert.getExpectedGapDays()).isEqualTo(30.0);
    }
  }
}
