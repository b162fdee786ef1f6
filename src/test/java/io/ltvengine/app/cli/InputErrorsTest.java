package io.ltvengine.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a user who hands fit or score a bad file or option sees: one line saying where and what, exit code 2. */
class InputErrorsTest {

  @TempDir Path dir;

  static Stream<Arguments> badInputs() {
    String header = "customer_id,date,amount\n";
    String repeat = "a,2024-01-01,10\na,2024-02-01,12\n";
    return Stream.of(
        Arguments.of("a month 13", "csv", header + repeat + "b,2024-13-01,5\n", ":4: invalid date '2024-13-01'"),
        Arguments.of("an amount that is no number", "csv", header + repeat + "b,2024-01-03,abc\n", ":4: amount 'abc' is not a number"),
        Arguments.of("a NaN amount", "csv", header + repeat + "b,2024-01-03,NaN\n", ":4: amount NaN must be a finite number"),
        Arguments.of("an infinite amount", "csv", header + repeat + "b,2024-01-03,Infinity\n", ":4: amount Infinity must be a finite"),
        Arguments.of("a negative spend", "csv", header + repeat + "b,2024-01-03,-4\n", ":4: amount -4 must be a finite number, not negative"),
        Arguments.of("a header that does not match", "csv", "customer_id,day,value\n" + repeat, ":1: the header must be customer_id,date,amount"),
        Arguments.of("a csv file read as cdnow", "cdnow", repeat, ":1: a cdnow line has 4 or 5 whitespace-separated columns"),
        Arguments.of("an empty file", "csv", "", ": no customer made a purchase up to the calibration end"),
        Arguments.of("a header alone", "csv", header, ": no customer made a purchase up to the calibration end"),
        Arguments.of("every date after the calibration end", "csv", header + "a,2025-01-01,10\n", ": no customer made a purchase"),
        Arguments.of("only one-time buyers", "csv", header + "a,2024-01-01,10\nb,2024-01-02,10\n", "none of the 2 customers made a repeat purchase"));
  }

  @ParameterizedTest(name = "fit of {0}")
  @MethodSource("badInputs")
  void shouldNameTheFileTheLineAndTheProblemInOneLineAndExitWithTwo(
      String what, String format, String content, String expected) throws IOException {
    Path file = Files.writeString(dir.resolve("orders.txt"), content);

    CliRun run = CliRun.of("fit", "--input", file.toString(), "--format", format, "--calibration-end", "2024-06-30");

    assertThat(run.exitCode()).as("exit code of fit on " + what).isEqualTo(2);
    assertThat(run.err().strip().lines()).as("what fit printed for " + what).singleElement()
        .asString().contains(file.toString()).contains(expected);
  }

  @ParameterizedTest(name = "score {0} {1}")
  @MethodSource("badOptions")
  void shouldRefuseAnImpossibleHorizonOrDiscountRateInOneLine(String option, String value) throws IOException {
    Path file = Files.writeString(dir.resolve("orders.csv"), "customer_id,date,amount\na,2024-01-01,10\na,2024-02-01,12\n");

    CliRun run = CliRun.of("score", "--input", file.toString(), "--format", "csv", "--calibration-end", "2024-06-30",
        option, value);

    assertThat(run.exitCode()).as("exit code of score " + option + " " + value).isEqualTo(2);
    assertThat(run.err().strip().lines()).singleElement().asString().contains(option).contains(value);
  }

  static Stream<Arguments> badOptions() {
    return Stream.of(Arguments.of("--horizon", "-5"), Arguments.of("--discount-rate", "-1"));
  }
}
