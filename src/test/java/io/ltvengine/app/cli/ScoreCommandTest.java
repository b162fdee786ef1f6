package io.ltvengine.app.cli;

import io.ltvengine.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCommandTest {

  private static CliRun score(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "score",
                "--input",
                CliRun.cdnowSample(),
                "--format",
                "cdnow",
                "--calibration-end",
                "1997-09-30",
                "--time-unit",
                "weeks",
                "--horizon",
                "52",
                "--discount-rate",
                "0.002"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void shouldPrintOneCsvRowPerCdnowCustomer() {
    // When
    CliRun run = score();

    // Then
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "customer_id,frequency,recency,T,p_alive,expected_purchases,expected_avg_spend,clv");
    assertThat(lines).hasSize(2358);
    assertThat(lines.get(3)).startsWith("0003,0,0.000000,38.857143,1.000000,");
    assertThat(lines).noneMatch(line -> line.contains("NaN") || line.contains("Infinity"));
  }

  @Test
  void shouldPrintJsonLinesWithTheSameFieldsForParetoNbd() throws Exception {
    // When
    CliRun run = score("--model", "pareto-nbd", "--output", "json");

    // Then
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2357);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("customer_id").asText()).isEqualTo("0001");
    assertThat(first.get("p_alive").asDouble()).isBetween(0.0, 1.0);
    assertThat(first.get("clv").asDouble()).isPositive();
  }
}
