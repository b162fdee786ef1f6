package io.ltvengine.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.Predictor;
import io.ltvengine.model.Predictor.Score;
import io.ltvengine.model.PurchaseModel;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.data.CustomerSummary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Fits on the calibration period, then prints P(alive), expected purchases and CLV per customer.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Fits the purchase model and Gamma-Gamma on the calibration period and scores every"
          + " customer.",
      "--output csv (default) prints the header "
          + "customer_id,frequency,recency,T,p_alive,expected_purchases,expected_avg_spend,clv "
          + "and one row per customer; --output json prints the same fields as one JSON object "
          + "per line (JSON lines)."
    })
public final class ScoreCommand implements Callable<Integer> {

  static final String HEADER =
      "customer_id,frequency,recency,T,p_alive,expected_purchases,expected_avg_spend,clv";

  @Mixin InputOptions inputOptions;

  @Option(
      names = "--horizon",
      defaultValue = "52",
      description = "CLV horizon in whole time units. Default: ${DEFAULT-VALUE}.")
  int horizon;

  @Option(
      names = "--discount-rate",
      defaultValue = "0",
      description = "Discount rate per time unit. Default: ${DEFAULT-VALUE}.")
  double discountRate;

  @Option(
      names = "--model",
      defaultValue = "bgnbd",
      description = "bgnbd, pareto-nbd or mbgnbd. Default: ${DEFAULT-VALUE}.")
  String model;

  @Option(names = "--output", defaultValue = "csv", description = "csv or json (JSON lines).")
  String output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!PurchaseModels.NAMES.contains(model)) {
      throw new ParameterException(spec.commandLine(), "invalid --model: " + model);
    }
    if (!List.of("csv", "json").contains(output)) {
      throw new ParameterException(spec.commandLine(), "invalid --output: " + output);
    }
    if (horizon < 1) {
      throw new UserInputException("--horizon must be at least 1 time unit, got " + horizon);
    }
    if (!(discountRate >= 0) || !Double.isFinite(discountRate)) {
      throw new UserInputException("--discount-rate must be a finite rate of at least 0, got " + discountRate);
    }
    List<CustomerSummary> customers = inputOptions.readCustomers();
    InputOptions.requireRepeatPurchases(customers, inputOptions.input);
    List<CustomerHistory> histories = customers.stream().map(CustomerSummary::history).toList();
    PurchaseModel purchases = PurchaseModels.fit(model, CustomerHistory.groupByHistory(histories));
    GammaGamma spend = GammaGamma.fit(histories);
    Predictor predictor =
        new Predictor(purchases, spend, horizon, discountRate, inputOptions.timeUnit());
    PrintWriter out = spec.commandLine().getOut();
    boolean json = output.equals("json");
    if (!json) {
      out.println(HEADER);
    }
    ObjectMapper mapper = new ObjectMapper();
    for (CustomerSummary customer : customers) {
      Score score = predictor.score(customer.history());
      out.println(
          json ? mapper.writeValueAsString(fields(customer, score)) : csvRow(customer, score));
    }
    out.flush();
    return 0;
  }

  private static String csvRow(CustomerSummary c, Score s) {
    CustomerHistory h = c.history();
    return String.format(
        Locale.ROOT,
        "%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f",
        c.customerId(),
        h.x(),
        h.tx(),
        h.age(),
        s.pAlive(),
        s.expectedPurchases(),
        s.expectedAvgSpend(),
        s.clv());
  }

  private static Map<String, Object> fields(CustomerSummary c, Score s) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("customer_id", c.customerId());
    fields.put("frequency", c.history().x());
    fields.put("recency", c.history().tx());
    fields.put("T", c.history().age());
    fields.put("p_alive", s.pAlive());
    fields.put("expected_purchases", s.expectedPurchases());
    fields.put("expected_avg_spend", s.expectedAvgSpend());
    fields.put("clv", s.clv());
    return fields;
  }
}
