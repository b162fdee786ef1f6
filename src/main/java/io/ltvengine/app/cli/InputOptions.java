package io.ltvengine.app.cli;

import io.ltvengine.model.TimeUnit;
import io.ltvengine.model.data.CalibrationSummariser;
import io.ltvengine.model.data.CustomerSummary;
import io.ltvengine.model.data.InputFormat;
import io.ltvengine.model.data.TransactionReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options shared by {@code fit} and {@code score}: which transactions, calibrated until when. */
final class InputOptions {

  @Option(names = "--input", description = "Transaction file.")
  Path input;

  @Option(names = "--format", defaultValue = "cdnow",
      description = "cdnow (whitespace: [masterId] id yyyymmdd units value) or csv "
          + "(header customer_id,date,amount). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--calibration-end", description = "Last day of the calibration period, YYYY-MM-DD.")
  LocalDate calibrationEnd;

  @Option(names = "--time-unit", defaultValue = "weeks",
      description = "days or weeks, the unit of T, t_x and the horizon. Default: ${DEFAULT-VALUE} "
          + "(as in the CDNOW literature).")
  String timeUnit;

  TimeUnit timeUnit() {
    return TimeUnit.valueOf(timeUnit.toUpperCase(Locale.ROOT));
  }

  /** The customers of the input file, summarised over the calibration period. */
  List<CustomerSummary> readCustomers() throws IOException {
    if (input == null || calibrationEnd == null) {
      throw new IllegalArgumentException("--input and --calibration-end are required");
    }
    InputFormat inputFormat = InputFormat.valueOf(format.toUpperCase(Locale.ROOT));
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      return new CalibrationSummariser(calibrationEnd, timeUnit())
          .summarise(TransactionReader.read(reader, inputFormat));
    }
  }
}
