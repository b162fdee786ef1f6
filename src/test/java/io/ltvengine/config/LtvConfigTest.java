package io.ltvengine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.testing.CliRun;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LtvConfigTest {

  @Test
  void shouldStopOnAMisspeltEngineKeyAndNameTheKeyProbablyMeant() {
    assertThatThrownBy(() -> new LtvConfig(Map.of("churn.gap.multiplyer", "3")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'churn.gap.multiplyer'")
        .hasMessageContaining("did you mean 'churn.gap.multiplier'");
  }

  @Test
  void shouldStopOnATypoOfAnEngineKeyOutsideItsNamespaces() {
    assertThatThrownBy(() -> new LtvConfig(Map.of("chrun.gap.multiplier", "3")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("did you mean 'churn.gap.multiplier'");
  }

  @Test
  void shouldStopOnAValueThatIsNotANumberAndNameTheKey() {
    assertThatThrownBy(() -> new LtvConfig(Map.of(LtvConfig.GAP_MULTIPLIER, "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(LtvConfig.GAP_MULTIPLIER)
        .hasMessageContaining("abc");
  }

  @Test
  void shouldRefuseAMaxAmountThatWouldSendEveryOrderToTheDeadLetters() {
    assertThatThrownBy(() -> new LtvConfig(Map.of(LtvConfig.MAX_ORDER_AMOUNT, "-5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(LtvConfig.MAX_ORDER_AMOUNT);
  }

  @Test
  void shouldRefuseACurrencyRateThatIsNotPositive() {
    assertThatThrownBy(() -> new LtvConfig(Map.of(LtvConfig.FX_RATES, "USD:-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(LtvConfig.FX_RATES)
        .hasMessageContaining("positive");
  }

  @Test
  void shouldRefuseAMediumRiskThresholdBelowTheHighRiskOne() {
    assertThatThrownBy(() -> new LtvConfig(Map.of(LtvConfig.PALIVE_HIGH_RISK, "0.5", LtvConfig.PALIVE_MEDIUM_RISK, "0.4")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(LtvConfig.PALIVE_MEDIUM_RISK);
  }

  @Test
  void shouldPassKafkaAndRegistryKeysThrough() {
    Map<String, String> kafka = Map.of(
        "bootstrap.servers", "broker:9092",
        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
        "consumer.max.poll.records", "100",
        "schema.registry.url", "http://registry:8081",
        "http.read.timeout.ms", "5000");

    LtvConfig config = new LtvConfig(kafka);

    assertThat(config.properties()).as("properties handed to the Kafka clients").containsAllEntriesOf(kafka);
  }

  @Test
  void shouldReadEveryDefaultIntoTheValuationSettings() {
    LtvConfig config = LtvConfig.defaults();

    assertThat(config.valuation().churn().rhythm().gapMultiplier()).isEqualTo(2.0);
    assertThat(config.valuation().orders().maxAmountMajor()).isEqualTo(1_000_000L);
    assertThat(config.valuation().currency().reportingCurrency()).isEqualTo("EUR");
  }

  @Test
  void shouldEndRunWithExitCodeTwoAndOneLineNamingTheKey() {
    CliRun run = CliRun.of("run", "--bootstrap-servers", "localhost:1", "--schema-registry-url", "http://localhost:2",
        "--set", "churn.gap.multiplier=abc");

    assertThat(run.exitCode()).as("exit code of run with an invalid setting").isEqualTo(2);
    assertThat(run.err().strip().lines()).as("what run printed").singleElement()
        .asString().contains("churn.gap.multiplier").contains("abc");
  }
}
