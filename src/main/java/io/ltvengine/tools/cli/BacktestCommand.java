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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      "of the open churn alerts and of as many customers by 1 - P(alive) and by churn probability. A table,",
      "then one JSON object. The churn probability and the alerts are over the holdout period."
    })
public final class BacktestCommand implements Callable<Integer> {

  @Option(names = "--input", description = "Transaction file.")
  Path input;

  @Option(names = "--synthetic", paramLabel = "N",
      description = "Instead of --input: N customers of a synthetic shop that buys as BG/NBD says, with an oracle that knows its true parameters.")
  Integer synthetic;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of --synthetic. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--format", defaultValue = "cdnow", description = "cdnow or csv, as for fit. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--calibration-end", description = "Last day of the calibration period, YYYY-MM-DD (with --input).")
  LocalDate calibrationEnd;

  @Option(names = "--holdout-end", description = "Last day of the holdout period, YYYY-MM-DD (with --input).")
  LocalDate holdoutEnd;

  @Option(names = "--model", defaultValue = "bgnbd", description = "bgnbd, pareto-nbd or mbgnbd. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--output-customers", paramLabel = "FILE",
      description = "One CSV row per customer with what the stream served, in score's layout plus alerted.")
  Path customersFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "An engine setting for the replay, e.g. churn.alert.rule=p-alive or churn.alert.precision=0.9; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!PurchaseModels.NAMES.contains(model)) {
      throw new UserInputException("--model must be one of " + PurchaseModels.NAMES + ", got " + model);
    }
    Backtest.Result result = synthetic != null ? Backtest.runSynthetic(synthetic, seed, model, settings) : fromInput();
    PrintWriter out = spec.commandLine().getOut();
    out.print(result.report().table());
    result.oracle().ifPresent(oracle -> out.print(oracle.table()));
    Map<String, Object> json = new LinkedHashMap<>(result.report().json());
    result.oracle().ifPresent(oracle -> json.put("oracle", oracle.json()));
    out.println(new ObjectMapper().writeValueAsString(json));
    out.flush();
    if (customersFile != null) {
      CustomerFile.write(customersFile, result);
    }
    return 0;
  }

  private Backtest.Result fromInput() throws Exception {
    if (input == null || calibrationEnd == null || holdoutEnd == null) {
      throw new UserInputException("give --input, --calibration-end and --holdout-end, or --synthetic N");
    }
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new UserInputException("--holdout-end " + holdoutEnd + " must come after --calibration-end " + calibrationEnd);
    }
    return Backtest.run(transactions(), new Backtest.Options(model, calibrationEnd, holdoutEnd, settings));
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
