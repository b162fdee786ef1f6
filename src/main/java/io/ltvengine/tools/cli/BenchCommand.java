package io.ltvengine.tools.cli;

import io.ltvengine.tools.bench.ApiBenchmark;
import io.ltvengine.tools.bench.ApiReport;
import io.ltvengine.tools.bench.BenchOptions;
import io.ltvengine.tools.bench.BenchReport;
import io.ltvengine.tools.bench.Benchmark;
import io.ltvengine.tools.demo.EmbeddedKafkaBroker;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ltv bench}: the engine's throughput and latency next to the physical limit. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the engine against the physical limit (a consumer that only decodes) and a one-store",
      "peer application on the same preloaded orders, plus latency, state size, restore and punctuation.",
      "Prints a table, then one JSON object on the last line."
    })
public final class BenchCommand implements Callable<Integer> {

  /** Which guarantees {@code --guarantee} compares. */
  enum Guarantee {
    exactly_once_v2(StreamsConfig.EXACTLY_ONCE_V2),
    at_least_once(StreamsConfig.AT_LEAST_ONCE),
    both(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE);

    final List<String> values;

    Guarantee(String... values) {
      this.values = List.of(values);
    }
  }

  @Option(names = "--orders", defaultValue = "1000000", description = "Orders preloaded and processed. Default: ${DEFAULT-VALUE}.")
  long orders;

  @Option(names = "--customers", defaultValue = "100000", description = "Distinct customers the orders belong to. Default: ${DEFAULT-VALUE}.")
  int customers;

  @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the orders topic. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(names = "--guarantee", defaultValue = "both", description = "exactly_once_v2, at_least_once or both. Default: ${DEFAULT-VALUE}.")
  Guarantee guarantee;

  @Option(names = "--rate", defaultValue = "5000", description = "Orders per second of the latency phase. Default: ${DEFAULT-VALUE}.")
  int rate;

  @Option(names = "--latency-duration", defaultValue = "PT30S", description = "How long the latency phase sends (ISO-8601). Default: ${DEFAULT-VALUE}.")
  Duration latencyDuration;

  @Option(names = "--latency-warmup", defaultValue = "PT10S", description = "Unmeasured start of the latency phase. Default: ${DEFAULT-VALUE}.")
  Duration latencyWarmup;

  @Option(names = "--punctuation-customers", defaultValue = "1000000", description = "Customers in the churn index of the punctuation probe. Default: ${DEFAULT-VALUE}.")
  int punctuationCustomers;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka brokers; default: an embedded broker in this JVM.")
  String bootstrapServers;

  @Option(names = "--chart", paramLabel = "FILE", description = "Also write the throughput bar chart to this SVG file.")
  Path chart;

  @Option(names = "--api", description = "Measure the query API instead: two engine instances at each of --api-customers, "
      + "--clients concurrent clients for --api-duration.")
  boolean api;

  @Option(names = "--api-customers", split = ",", defaultValue = "10000,1000000",
      description = "Customer counts of --api, comma-separated. Default: ${DEFAULT-VALUE}.")
  List<Integer> apiCustomers;

  @Option(names = "--clients", defaultValue = "200", description = "Concurrent clients of --api. Default: ${DEFAULT-VALUE}.")
  int clients;

  @Option(names = "--api-duration", defaultValue = "PT60S", description = "How long --api loads each size (ISO-8601). Default: ${DEFAULT-VALUE}.")
  Duration apiDuration;

  @Override
  public Integer call() throws Exception {
    if (api) {
      return apiBenchmark();
    }
    BenchOptions options = new BenchOptions(
        orders, customers, partitions, guarantee.values, rate, latencyDuration, latencyWarmup, punctuationCustomers);
    PrintStream out = System.out;
    BenchReport report;
    if (bootstrapServers != null) {
      report = Benchmark.run(bootstrapServers, options, out);
    } else {
      out.println("Starting an embedded Kafka broker (it shares this JVM's cores with what it measures)...");
      try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
        report = Benchmark.run(broker.bootstrapServers(), options, out);
      }
    }
    report.printTable(out);
    if (chart != null) {
      Files.writeString(chart, report.chartSvg());
    }
    out.println(report.toJson());
    return 0;
  }

  private int apiBenchmark() throws Exception {
    ApiBenchmark.Options options = new ApiBenchmark.Options(apiCustomers, clients, apiDuration, partitions);
    PrintStream out = System.out;
    List<ApiBenchmark.SizeResult> sizes;
    if (bootstrapServers != null) {
      sizes = ApiBenchmark.run(bootstrapServers, options, out);
    } else {
      out.println("Starting an embedded Kafka broker (it shares this JVM's cores with what it measures)...");
      try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
        sizes = ApiBenchmark.run(broker.bootstrapServers(), options, out);
      }
    }
    ApiReport report = new ApiReport(options, sizes);
    report.printTable(out);
    out.println(report.toJson());
    return 0;
  }
}
