package io.ltvengine.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.app.service.ModelPublisher;
import io.ltvengine.app.service.OrderHistoryReader;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.model.BgNbd;
import io.ltvengine.model.BgNbdSimulator;
import io.ltvengine.model.CalibrationFit;
import io.ltvengine.model.CustomerHistory;
import io.ltvengine.model.GammaGamma;
import io.ltvengine.model.ModifiedBgNbd;
import io.ltvengine.model.ParetoNbd;
import io.ltvengine.model.Predictor;
import io.ltvengine.model.PurchaseModels;
import io.ltvengine.model.TimeUnit;
import io.ltvengine.model.data.CustomerSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Fits all models on a calibration period and prints their parameters as one JSON object. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fits BG/NBD, Pareto/NBD, MBG/NBD and Gamma-Gamma on the calibration period and prints one "
          + "JSON object: customers, repeatCustomers, timeUnit, bgnbd, paretoNbd, mbgnbd, "
          + "gammaGamma (parameters and logLikelihood), fitTimeMs and fitTimesMs per model.",
      "With --from-topic it reads the order history from Kafka; with --publish it publishes the "
          + "parameters to the model topic, where running engines pick them up without restart.",
      "With --synthetic N it instead simulates N BG/NBD customers with known parameters, fits "
          + "BG/NBD and reports the true parameters and the time taken."
    })
public final class FitCommand implements Callable<Integer> {

  /** JSON names of the models, as other tools expect them. */
  private static final Map<String, String> JSON_NAMES =
      Map.of(
          BgNbd.NAME,
          "bgnbd",
          ParetoNbd.NAME,
          "paretoNbd",
          ModifiedBgNbd.NAME,
          "mbgnbd",
          GammaGamma.NAME,
          "gammaGamma");

  /** --synthetic customers follow the CDNOW estimates, in weeks. */
  private static final BgNbd SYNTHETIC_TRUTH = new BgNbd(0.243, 4.414, 0.793, 2.426);

  /** Spend model for the scoring benchmark: the CDNOW Gamma-Gamma estimates. */
  private static final GammaGamma SYNTHETIC_SPEND = new GammaGamma(6.25, 3.74, 15.44);

  @Mixin InputOptions inputOptions;

  @Mixin KafkaOptions kafkaOptions;

  @Option(
      names = "--synthetic",
      paramLabel = "N",
      description = "Benchmark: fit BG/NBD on N customers simulated with the CDNOW estimates.")
  Integer synthetic;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of --synthetic.")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> report = synthetic == null ? fitInput() : fitSynthetic();
    PrintWriter out = spec.commandLine().getOut();
    out.println(new ObjectMapper().writeValueAsString(report));
    out.flush();
    return 0;
  }

  private Map<String, Object> fitInput() throws Exception {
    List<CustomerSummary> summaries = readCustomers();
    InputOptions.requireRepeatPurchases(summaries, kafkaOptions.fromTopic == null ? inputOptions.input : kafkaOptions.fromTopic);
    List<CustomerHistory> customers = summaries.stream().map(CustomerSummary::history).toList();
    long start = System.nanoTime();
    CalibrationFit fit =
        CalibrationFit.of(customers, PurchaseModels.NAMES, inputOptions.timeUnit());
    Map<String, Object> report = report(fit, start);
    if (kafkaOptions.publish) {
      List<LtvModel> published =
          new ModelPublisher(kafkaOptions.clientProperties(), kafkaOptions.serdes().valueSerde(LtvModel.class).serializer())
              .publish(kafkaOptions.modelTopic, fit, Instant.now());
      report.put("published", published.stream().map(m -> m.getModel() + "@" + m.getVersion()).toList());
    }
    return report;
  }

  private List<CustomerSummary> readCustomers() throws Exception {
    if (kafkaOptions.fromTopic == null) {
      return inputOptions.readCustomers();
    }
    OrderHistoryReader reader =
        new OrderHistoryReader(
            kafkaOptions.clientProperties(), kafkaOptions.serdes().valueSerde(Order.class).deserializer());
    return inputOptions.summarise(reader.read(kafkaOptions.fromTopic));
  }

  private Map<String, Object> fitSynthetic() {
    long start = System.nanoTime();
    List<CustomerHistory> customers = new BgNbdSimulator(SYNTHETIC_TRUTH).simulate(synthetic, seed);
    long simulationMs = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    CalibrationFit fit = CalibrationFit.of(customers, List.of(BgNbd.NAME), TimeUnit.WEEKS);
    Map<String, Object> report = report(fit, start);
    report.put("simulationMs", simulationMs);
    report.put("distinctHistories", CustomerHistory.groupByHistory(customers).size());
    report.put("scoreNanosPerCustomer", scoreNanosPerCustomer(fit, customers));
    report.put("trueBgnbd", SYNTHETIC_TRUTH.parameters());
    return report;
  }

  /**
   * Mean time to score one simulated customer (P(alive), expected purchases, spend and a 52-week
   * CLV at 0.2% per week) with the fitted BG/NBD, after a warm-up pass over the same customers.
   */
  private static double scoreNanosPerCustomer(CalibrationFit fit, List<CustomerHistory> customers) {
    Predictor predictor =
        new Predictor(
            fit.models().get(BgNbd.NAME).toPurchaseModel(),
            SYNTHETIC_SPEND,
            52,
            0.002,
            TimeUnit.WEEKS);
    double checksum = 0;
    long start = 0;
    for (int pass = 0; pass < 2; pass++) {
      start = System.nanoTime();
      for (CustomerHistory customer : customers) {
        checksum += predictor.score(customer).clv();
      }
    }
    if (!Double.isFinite(checksum)) {
      throw new IllegalStateException("non-finite CLV while scoring synthetic customers");
    }
    return (System.nanoTime() - start) / (double) customers.size();
  }

  /** The JSON report; fitTimeMs is the wall time since {@code start}, grouping included. */
  private static Map<String, Object> report(CalibrationFit fit, long start) {
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("customers", fit.customers());
    report.put("repeatCustomers", fit.repeatCustomers());
    report.put("timeUnit", fit.timeUnit().name().toLowerCase(Locale.ROOT));
    fit.models().forEach((name, model) -> report.put(JSON_NAMES.get(name), model.summary()));
    report.put("fitTimeMs", elapsedMs);
    report.put("fitTimesMs", fit.fitMillis());
    return report;
  }
}
