package io.ltvengine.app.cli;

import io.ltvengine.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FitCommandTest {

  @Test
  void shouldPrintOneJsonObjectWithTheLiteratureFitsOfCdnow() throws Exception {
    // When
    CliRun run =
        CliRun.of(
            "fit",
            "--input",
            CliRun.cdnowSample(),
            "--format",
            "cdnow",
            "--calibration-end",
            "1997-09-30",
            "--time-unit",
            "weeks");

    // Then
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("customers").asInt()).isEqualTo(2357);
    assertThat(json.get("repeatCustomers").asInt()).isEqualTo(946);
    assertThat(json.at("/bgnbd/r").asDouble()).isCloseTo(0.2425945, withinPercentage(1));
    assertThat(json.at("/bgnbd/b").asDouble()).isCloseTo(2.4258881, withinPercentage(1));
    assertThat(json.at("/bgnbd/logLikelihood").asDouble()).isCloseTo(-9582.429, within(0.5));
    assertThat(json.at("/paretoNbd/s").asDouble()).isCloseTo(0.60625, withinPercentage(1));
    assertThat(json.at("/paretoNbd/logLikelihood").asDouble()).isCloseTo(-9594.976, within(0.5));
    assertThat(json.at("/gammaGamma/gamma").asDouble()).isCloseTo(15.44, withinPercentage(1));
    assertThat(json.at("/mbgnbd/logLikelihood").asDouble()).isNegative();
    assertThat(json.has("fitTimeMs")).isTrue();
  }

  @Test
  void shouldFailWithAMessageWhenNoInputIsGiven() {
    // When
    CliRun run = CliRun.of("fit", "--calibration-end", "1997-09-30");

    // Then
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--input");
  }
}
