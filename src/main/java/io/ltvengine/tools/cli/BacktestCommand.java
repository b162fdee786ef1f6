package io.ltvengine.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.app.cli.UserInputException;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.data.InputException;
import io.ltvengine.model.data.InputFormat;
import io.ltvengine.model.data.Transaction;
import io.ltvengine.model.data.TransactionReader;
import io.ltvengine.tools.backtest.Backtest;
import io.ltvengine.tools.backtest.CustomerFile;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ltv backtest}: what the engine serves at the calibration end, against the holdout period. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Replays the calibration period through the engine's topology (stream-time mode) with the calibration fit",
      "published, reads what the engine serves for every customer at the calibration end, and compares it with",
      "the holdout period: repeat purchases in total, by calibration frequency and by decile; customer MAE;",
      "normalized Gini of predicted CLV against holdout spend; AUC and Brier of P(alive); precision and recall",
      "of the open churn alerts and of as many customers by 1 - P(alive). A table, then one JSON object."
    })
public final class BacktestCommand implements Callable<Integer> {

  @Option(names = "--input", required = true, description = "Transaction file.")
  Path input;

  @Option(names = "--format", defaultValue = "cdnow", description = "cdnow or csv, as for fit. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--calibration-end", required = true, description = "Last day of the calibration period, YYYY-MM-DD.")
  LocalDate calibrationEnd;

  @Option(names = "--holdout-end", required = true, description = "Last day of the holdout period, YYYY-MM-DD.")
  LocalDate holdoutEnd;

  @Option(names = "--model", defaultValue = "bgnbd", description = "bgnbd, pareto-nbd or mbgnbd. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--output-customers", paramLabel = "FILE",
      description = "One CSV row per customer with what the stream served, in score's layout plus alerted.")
  Path customersFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!PurchaseModels.NAMES.contains(model)) {
      throw new UserInputException("--model must be one of " + PurchaseModels.NAMES + ", got " + model);
    }
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new UserInputException("--holdout-end " + holdoutEnd + " must come after --calibration-end " + calibrationEnd);
    }
    Backtest.Result result = Backtest.run(transactions(), new Backtest.Options(model, calibrationEnd, holdoutEnd));
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.report().table());
    out.println(new ObjectMapper().writeValueAsString(result.report().json()));
    out.flush();
    if (customersFile != null) {
      CustomerFile.write(customersFile, result);
    }
    return 0;
  }

  private List<Transaction> transactions() throws Exception {
    InputFormat inputFormat;
    try {
      inputFormat = InputFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--format must be cdnow or csv, got " + format);
    }
    try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      return TransactionReader.read(reader, inputFormat);
    } catch (InputException e) {
      throw new UserInputException(input + ":" + e.line() + ": " + e.getMessage());
    }
  }
}
