package io.ltvengine.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class DemoCommandTest {

  @Test
  void shouldShowOrdersTurningIntoLtvUpdatesAlertsAndDeadLettersAndExitZero() throws IOException {
    // Given the demo with four shop days per wall second, so churn has time to show in 20 s
    StringWriter out = new StringWriter();
    CommandLine commandLine = ToolsMain.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    long stateDirsBefore = demoStateDirs();

    // When it runs for 20 seconds
    int exitCode = commandLine.execute(
        "demo", "--duration", "20s", "--time-scale", "345600", "--seed", "42", "--http-port", "0");

    // Then the summary shows every kind of output, and the demo left nothing behind
    String summary = out.toString();
    assertThat(exitCode).isZero();
    assertThat(total(summary, "Orders sent")).isPositive();
    assertThat(total(summary, "LTV updates")).isPositive();
    assertThat(total(summary, "Churn alerts")).isPositive();
    assertThat(total(summary, "Dead letters")).isPositive();
    assertThat(summary).contains("precision", "recall", "an oracle naming as many");
    assertThat(demoStateDirs()).isEqualTo(stateDirsBefore);
  }

  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "60s, PT60S", "5m, PT5M", "1h, PT1H", "PT90S, PT90S"})
  void shouldReadShortAndIsoDurations(String text, String expected) {
    assertThat(new DemoCommand.DurationConverter().convert(text)).isEqualTo(Duration.parse(expected));
  }

  private static long total(String summary, String label) {
    Matcher matcher = Pattern.compile("^" + label + "\\s+([\\d,]+)", Pattern.MULTILINE).matcher(summary);
    assertThat(matcher.find()).as("summary line '%s' in:%n%s", label, summary).isTrue();
    return Long.parseLong(matcher.group(1).replace(",", ""));
  }

  private static long demoStateDirs() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(file -> file.getFileName().toString().startsWith("ltv-demo-state-")).count();
    }
  }
}
