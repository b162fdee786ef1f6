package io.ltvengine.tools.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured: printed as a table, then as one line of JSON. */
public record BenchReport(
    BenchOptions options,
    int customers,
    double baselineOrdersPerSec,
    List<GuaranteeResult> guarantees,
    State state,
    PunctuationProbe.Timing punctuation) {

  /** The engine's state after the first throughput run, and how long restoring it took. */
  record State(
      int customers,
      StateFootprint.Bytes bytes,
      Duration restore,
      Duration untilRunning,
      long restoredRecords,
      long changelogBytes) {

    double bytesPerCustomer() {
      return (double) bytes.perCustomerStores() / customers;
    }

    double restoreSeconds() {
      return restore.toMillis() / 1e3;
    }

    double restoreSecondsPerMillionCustomers() {
      return restoreSeconds() / (customers / 1e6);
    }

    /** Seconds per GB of changelog read: the restore's own rate, whatever the files compress to. */
    double restoreSecondsPerGb() {
      return restoreSeconds() / (changelogBytes / 1e9);
    }
  }

  public void printTable(PrintStream out) {
    out.printf("%nOrders %,d, customers %,d, partitions %d, cores %d, load average %.2f%n",
        options.orders(), customers, options.partitions(),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    out.printf("%-16s %14s %14s %14s %8s %8s %9s %9s %9s%n",
        "guarantee", "baseline/s", "peer/s", "engine/s", "ratio", "to peer", "p50 ms", "p99 ms", "p999 ms");
    for (GuaranteeResult g : guarantees) {
      out.printf("%-16s %,14.0f %,14.0f %,14.0f %8.3f %8.2f %9.0f %9.0f %9.0f%n",
          g.guarantee(), g.baselineOrdersPerSec(), g.peerOrdersPerSec(), g.appOrdersPerSec(),
          g.ratio(), g.ratioToPeer(), g.latency().p50(), g.latency().p99(), g.latency().p999());
    }
    if (state != null) {
      out.printf("State: %.0f bytes per customer (customer-state and churn-index SSTs, LZ4);"
              + " all stores %,d bytes%n", state.bytesPerCustomer(), state.bytes().allStores());
      out.printf("Restore: %.1f s for %,d changelog records, %,d bytes (%.1f s per million customers,"
              + " %.1f s per GB of changelog); %.1f s from restart to RUNNING%n",
          state.restoreSeconds(), state.restoredRecords(), state.changelogBytes(),
          state.restoreSecondsPerMillionCustomers(), state.restoreSecondsPerGb(),
          state.untilRunning().toMillis() / 1e3);
    }
    out.printf("No-op churn punctuation with %,d customers: p50 %.1f µs, max %.1f µs%n",
        punctuation.customers(), punctuation.p50Micros(), punctuation.maxMicros());
  }

  /** Throughput of baseline, peer and engine per guarantee as an SVG bar chart. */
  public String chartSvg() {
    return ThroughputChart.svg(this);
  }

  public String toJson() throws JsonProcessingException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("orders", options.orders());
    json.put("customers", customers);
    json.put("partitions", options.partitions());
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("loadAverage", round(loadAverage()));
    json.put("baselineOrdersPerSec", round(baselineOrdersPerSec));
    Map<String, Object> byGuarantee = new LinkedHashMap<>();
    for (GuaranteeResult g : guarantees) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("appOrdersPerSec", round(g.appOrdersPerSec()));
      one.put("peerOrdersPerSec", round(g.peerOrdersPerSec()));
      one.put("ratio", round(g.ratio()));
      one.put("ratioToPeer", round(g.ratioToPeer()));
      one.put("latencyRate", options.rate());
      one.put("latencyP50Ms", g.latency().p50());
      one.put("latencyP99Ms", g.latency().p99());
      one.put("latencyP999Ms", g.latency().p999());
      one.put("latencySamples", g.latency().samples());
      byGuarantee.put(g.guarantee(), one);
    }
    json.put("guarantees", byGuarantee);
    if (state != null) {
      json.put("stateBytesPerCustomer", round(state.bytesPerCustomer()));
      json.put("stateBytesAllStores", state.bytes().allStores());
      json.put("restoreSeconds", round(state.restoreSeconds()));
      json.put("restoreSecondsPerMillionCustomers", round(state.restoreSecondsPerMillionCustomers()));
      json.put("restoreSecondsPerGB", round(state.restoreSecondsPerGb()));
      json.put("restoredRecords", state.restoredRecords());
      json.put("restoredChangelogBytes", state.changelogBytes());
      json.put("restartToRunningSeconds", round(state.untilRunning().toMillis() / 1e3));
    }
    json.put("punctuationCustomers", punctuation.customers());
    json.put("noopPunctuationP50Micros", round(punctuation.p50Micros()));
    json.put("noopPunctuationMaxMicros", round(punctuation.maxMicros()));
    return new ObjectMapper().writeValueAsString(json);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
