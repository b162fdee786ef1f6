package io.ltvengine.tools.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The API benchmark's figures, as a table and as one JSON object, and set against its goals. */
public record ApiReport(ApiBenchmark.Options options, List<ApiBenchmark.SizeResult> sizes) {

  /** p99 goals in ms by endpoint, from the issue that asked for the benchmark. */
  private static final Map<String, Double> GOALS_P99_MS = Map.of(
      "customer", 20.0, "audience page (100)", 100.0, "audience counts", 50.0, "segment report", 50.0);

  public void printTable(PrintStream out) {
    out.printf(Locale.ROOT, "Query API: two instances, %d partitions, %d clients for %s (a quarter per endpoint)%n",
        options.partitions(), options.clients(), options.duration());
    out.printf(Locale.ROOT, "  %-12s %-34s %8s %10s %8s %9s %9s %9s%n",
        "customers", "endpoint", "clients", "requests", "errors", "p50 ms", "p99 ms", "goal p99");
    for (ApiBenchmark.SizeResult size : sizes) {
      for (ApiLoad.Latency latency : size.latencies()) {
        out.printf(Locale.ROOT, "  %-12s %-34s %8d %10d %8d %9.2f %9.2f %9s%n",
            String.format(Locale.ROOT, "%,d", size.customers()), latency.endpoint(), latency.clients(),
            latency.requests(), latency.errors(), latency.p50Ms(), latency.p99Ms(),
            String.format(Locale.ROOT, "%.0f", GOALS_P99_MS.getOrDefault(latency.endpoint(), Double.NaN)));
      }
      out.printf(Locale.ROOT, "  %-12s taken in by the two instances in %.1f s (%,d orders), every customer ranked %.1f s later%n",
          "", size.ingest().toMillis() / 1000.0, size.orders(), size.ranked().toMillis() / 1000.0);
    }
    if (sizes.size() > 1) {
      ApiBenchmark.SizeResult smallest = sizes.get(0);
      ApiBenchmark.SizeResult largest = sizes.get(sizes.size() - 1);
      for (int i = 0; i < largest.latencies().size(); i++) {
        out.printf(Locale.ROOT, "  p99 at %,d / at %,d customers, %s: %.2f%n", largest.customers(), smallest.customers(),
            largest.latencies().get(i).endpoint(), largest.latencies().get(i).p99Ms() / smallest.latencies().get(i).p99Ms());
      }
    }
  }

  public String toJson() {
    try {
      List<Map<String, Object>> json = sizes.stream().map(size -> Map.<String, Object>of(
          "customers", size.customers(), "orders", size.orders(), "ingestSeconds", size.ingest().toMillis() / 1000.0,
          "rankedSeconds", size.ranked().toMillis() / 1000.0, "latencies", size.latencies())).toList();
      return new ObjectMapper().writeValueAsString(Map.of(
          "partitions", options.partitions(), "clients", options.clients(),
          "durationSeconds", options.duration().toSeconds(), "sizes", json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
