package io.ltvengine.tools.backtest;

import io.ltvengine.app.cli.UserInputException;
import io.ltvengine.app.service.ModelPublisher;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.model.CalibrationFit;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.FittedModel;
import io.ltvengine.model.TimeUnit;
import io.ltvengine.model.data.CalibrationSummariser;
import io.ltvengine.model.data.CustomerSummary;
import io.ltvengine.model.data.Transaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Predictions proven where they are served: the calibration period through the engine, the
 * engine's view at the calibration end against what customers did until the holdout end.
 */
public final class Backtest {

  /**
   * @param model the purchase model the engine uses: bgnbd, pareto-nbd or mbgnbd
   * @param calibrationEnd last day of the calibration period, whose purchases count
   * @param holdoutEnd last day of the holdout period
   * @param settings engine settings over the backtest's own, e.g. the alert rule
   */
  public record Options(String model, LocalDate calibrationEnd, LocalDate holdoutEnd, Map<String, String> settings) {

    public Options(String model, LocalDate calibrationEnd, LocalDate holdoutEnd) {
      this(model, calibrationEnd, holdoutEnd, Map.of());
    }
  }

  /**
   * The report; each customer's calibration history, for the per-customer file; and the parameters
   * the engine served with.
   */
  public record Result(
      BacktestReport report, Map<String, CustomerHistory> calibration, LtvModel model, Optional<OracleComparison> oracle) {}

  private Backtest() {}

  /** The backtest on a synthetic shop, with the oracle that knows its true parameters beside the engine. */
  public static Result runSynthetic(int customers, long seed, String modelName, Map<String, String> settings) {
    SyntheticShop shop = SyntheticShop.generate(customers, seed);
    Options options = new Options(modelName, shop.calibrationEnd(), shop.holdoutEnd(), settings);
    Result result = run(shop.transactions(), options);
    ShopDays days = ShopDays.of(shop.transactions());
    Set<String> rhythmAlerts = new StreamReplay(engineConfig(options), Optional.empty())
        .serve(days, days.customersAcquiredBy(options.calibrationEnd()), options.calibrationEnd())
        .entrySet().stream().filter(e -> e.getValue().alerted()).map(Map.Entry::getKey).collect(Collectors.toSet());
    OracleComparison oracle = OracleComparison.of(result.report().outcomes(), result.calibration(), shop.truth(),
        holdoutWeeks(options), rhythmAlerts);
    return new Result(result.report(), result.calibration(), result.model(), Optional.of(oracle));
  }

  public static Result run(List<Transaction> transactions, Options options) {
    LtvConfig config = engineConfig(options);
    Map<String, CustomerHistory> calibration =
        new CalibrationSummariser(options.calibrationEnd(), TimeUnit.WEEKS).summarise(transactions).stream()
            .collect(Collectors.toMap(CustomerSummary::customerId, CustomerSummary::history, (a, b) -> a,
                LinkedHashMap::new));
    LtvModel model = fit(calibration, options.model());
    ShopDays days = ShopDays.of(transactions);
    List<String> customers = days.customersAcquiredBy(options.calibrationEnd());
    Map<String, Served> served =
        new StreamReplay(config, Optional.of(model)).serve(days, customers, options.calibrationEnd());
    List<Outcome> outcomes = new ArrayList<>();
    for (String customer : customers) {
      Map<LocalDate, Double> holdout = days.between(customer, options.calibrationEnd(), options.holdoutEnd());
      outcomes.add(new Outcome(customer, calibration.get(customer).x(), served.get(customer), holdout.size(),
          holdout.values().stream().mapToDouble(Double::doubleValue).sum()));
    }
    return new Result(new BacktestReport(options.model(), outcomes), calibration, model, Optional.empty());
  }

  /** The calibration fit of the purchase model and Gamma-Gamma, as a shop would publish it. */
  private static LtvModel fit(Map<String, CustomerHistory> calibration, String modelName) {
    CalibrationFit fit = CalibrationFit.of(List.copyOf(calibration.values()), List.of(modelName), TimeUnit.WEEKS);
    FittedModel purchases = fit.models().get(modelName);
    if (!purchases.quality().converged()) {
      throw new UserInputException("the calibration fit of " + modelName + " did not converge ("
          + purchases.quality().diagnosis() + "); the backtest needs a fitted model: more customers or another --model");
    }
    return ModelPublisher.publishable(fit, Instant.now()).stream()
        .collect(Collectors.toMap(LtvModel::getModel, Function.identity()))
        .get(modelName);
  }

  private static double holdoutWeeks(Options options) {
    return ChronoUnit.DAYS.between(options.calibrationEnd(), options.holdoutEnd()) / 7.0;
  }

  /**
   * The engine replaying history, its expected purchases and its churn probability over the
   * holdout period, which is what is scored.
   */
  private static LtvConfig engineConfig(Options options) {
    String holdoutDays = String.valueOf(ChronoUnit.DAYS.between(options.calibrationEnd(), options.holdoutEnd()));
    Map<String, String> settings = new HashMap<>(Map.of(
        LtvConfig.TIME_MODE, LtvConfig.STREAM_TIME,
        LtvConfig.MODEL_NAME, options.model(),
        LtvConfig.HORIZON_DAYS, holdoutDays,
        LtvConfig.ALERT_HORIZON_DAYS, holdoutDays,
        LtvConfig.REPORTING_CURRENCY, "USD"));
    settings.putAll(options.settings());
    return LtvConfig.defaults().with(settings);
  }
}
