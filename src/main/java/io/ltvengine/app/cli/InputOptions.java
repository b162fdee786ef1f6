package io.ltvengine.app.cli;

import io.ltvengine.model.TimeUnit;
import io.ltvengine.model.data.CalibrationSummariser;
import io.ltvengine.model.data.Transaction;
import io.ltvengine.model.data.CustomerSummary;
import io.ltvengine.model.data.InputException;
import io.ltvengine.model.data.InputFormat;
import io.ltvengine.model.data.TransactionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by {@code fit} and {@code score}: which transactions, calibrated until when. */
final class InputOptions {

  @Option(names = "--input", description = "Transaction file.")
  Path input;

  @Option(
      names = "--format",
      defaultValue = "cdnow",
      description =
          "cdnow (whitespace: [masterId] id yyyymmdd units value) or csv "
              + "(header customer_id,date,amount). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--calibration-end",
      description = "Last day of the calibration period, YYYY-MM-DD.")
  LocalDate calibrationEnd;

  @Option(
      names = "--time-unit",
      defaultValue = "weeks",
      description =
          "days or weeks, the unit of T, t_x and the horizon. Default: ${DEFAULT-VALUE} "
              + "(as in the CDNOW literature).")
  String timeUnit;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  TimeUnit timeUnit() {
    return choice(TimeUnit.class, timeUnit, "--time-unit");
  }

  /** Transactions read elsewhere (a Kafka topic), summarised up to the calibration end or today. */
  List<CustomerSummary> summarise(List<Transaction> transactions) {
    LocalDate end = calibrationEnd != null ? calibrationEnd : LocalDate.now(ZoneOffset.UTC);
    return new CalibrationSummariser(end, timeUnit()).summarise(transactions);
  }

  /** The customers of the input file, summarised over the calibration period. */
  List<CustomerSummary> readCustomers() throws IOException {
    if (input == null || calibrationEnd == null) {
      throw new ParameterException(
          spec.commandLine(), "--input and --calibration-end are required");
    }
    if (!Files.isReadable(input)) {
      throw new ParameterException(spec.commandLine(), "cannot read --input " + input);
    }
    InputFormat inputFormat = choice(InputFormat.class, format, "--format");
    TimeUnit unit = timeUnit();
    List<CustomerSummary> customers;
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      customers = new CalibrationSummariser(calibrationEnd, unit).summarise(TransactionReader.read(reader, inputFormat));
    } catch (InputException e) {
      throw new UserInputException(input + ":" + e.line() + ": " + e.getMessage());
    }
    if (customers.isEmpty()) {
      throw new UserInputException(input + ": no customer made a purchase up to the calibration end " + calibrationEnd);
    }
    return customers;
  }

  /**
   * The purchase models learn the buying rate and the dropout from repeat purchases: without any,
   * no fit can say anything, and the optimiser would only wander to its bounds.
   */
  static void requireRepeatPurchases(List<CustomerSummary> customers, Object source) {
    if (customers.stream().noneMatch(customer -> customer.history().x() > 0)) {
      throw new UserInputException(source + ": none of the " + customers.size()
          + " customers made a repeat purchase in the calibration period; the purchase models need some to fit");
    }
  }

  /** The enum constant named {@code value}, case-insensitively, or a usage error. */
  private <E extends Enum<E>> E choice(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid " + option + ": " + value);
    }
  }
}
