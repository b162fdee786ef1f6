package io.ltvengine.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * The whole benchmark in one run against one cluster: preload, the physical limit, the engine and
 * its peer per guarantee, state size and restore, latency at a fixed rate, and a no-op punctuation.
 */
public final class Benchmark {

  private static final String ORDERS_TOPIC = "bench-orders";

  private final BenchKafka kafka;
  private final BenchOptions options;
  private final PrintStream progress;
  private final Path workDir;

  private Benchmark(BenchKafka kafka, BenchOptions options, PrintStream progress, Path workDir) {
    this.kafka = kafka;
    this.options = options;
    this.progress = progress;
    this.workDir = workDir;
  }

  /** Runs every phase; state directories live under a temporary directory deleted at the end. */
  public static BenchReport run(String bootstrapServers, BenchOptions options, PrintStream progress)
      throws Exception {
    Path workDir = Files.createTempDirectory("ltv-bench-");
    try (BenchKafka kafka = new BenchKafka(bootstrapServers)) {
      return new Benchmark(kafka, options, progress, workDir).runPhases();
    } finally {
      Utils.delete(workDir.toFile());
    }
  }

  private BenchReport runPhases() throws Exception {
    progress.printf("Preloading %,d orders of %,d customers into %d partitions...%n",
        options.orders(), options.customers(), options.partitions());
    int customersSeen =
        Preload.fill(kafka, ORDERS_TOPIC, options.partitions(), options.orders(), options.customers());
    Map<TopicPartition, Long> end = kafka.endOffsets(ORDERS_TOPIC);
    progress.println("Baseline: plain consumer, decode only...");
    double baseline = Baseline.ordersPerSecond(kafka, ORDERS_TOPIC, options.orders());
    List<GuaranteeResult> results = new ArrayList<>();
    BenchReport.State state = null;
    for (String guarantee : options.guarantees()) {
      double peer = peer(guarantee, end);
      EngineThroughput engine = engine(guarantee, end, customersSeen, state == null);
      state = state == null ? engine.state() : state;
      LatencyProbe.Latency latency = latency(guarantee);
      results.add(new GuaranteeResult(guarantee, engine.ordersPerSec(), peer, baseline, latency));
    }
    progress.printf("Punctuation probe: %,d customers in the churn index, none due...%n",
        options.punctuationCustomers());
    PunctuationProbe.Timing punctuation =
        PunctuationProbe.measure(kafka, options.punctuationCustomers(), dir("punctuation"));
    return new BenchReport(options, customersSeen, baseline, results, state, punctuation);
  }

  private double peer(String guarantee, Map<TopicPartition, Long> end) throws Exception {
    progress.printf("Peer (one-store Processor API app), %s...%n", guarantee);
    String name = "peer-" + guarantee.replace('_', '-');
    kafka.createTopic(name + "-out", options.partitions());
    try (PeerApp peer =
        new PeerApp(kafka, new RunSpec(name, guarantee, dir(name)), ORDERS_TOPIC, name + "-out").start()) {
      return StreamsRun.ordersPerSecond(
          kafka, peer::processed, peer.applicationId(), guarantee, end, options.orders());
    }
  }

  private record EngineThroughput(double ordersPerSec, BenchReport.State state) {}

  /** The engine through the preloaded topic; the first run also measures its state and restore. */
  private EngineThroughput engine(
      String guarantee, Map<TopicPartition, Long> end, int customers, boolean measureState)
      throws Exception {
    progress.printf("Engine (LtvApplication), %s...%n", guarantee);
    String name = "engine-" + guarantee.replace('_', '-');
    Path stateDir = dir(name);
    double ordersPerSec;
    String applicationId;
    try (EngineRun engine =
        new EngineRun(kafka, new RunSpec(name, guarantee, stateDir), ORDERS_TOPIC, options.partitions()).start()) {
      applicationId = engine.applicationId();
      ordersPerSec = StreamsRun.ordersPerSecond(
          kafka, engine::processed, applicationId, guarantee, end, options.orders());
    }
    if (!measureState) {
      return new EngineThroughput(ordersPerSec, null);
    }
    StateFootprint.Bytes bytes = StateFootprint.measure(stateDir.resolve(applicationId));
    return new EngineThroughput(ordersPerSec, restore(name, guarantee, stateDir, customers, bytes));
  }

  /**
   * Deletes the engine's local state and restarts it: times the restore of its stores from their
   * changelogs, and the whole wait until RUNNING.
   */
  private BenchReport.State restore(
      String name, String guarantee, Path stateDir, int customers, StateFootprint.Bytes bytes)
      throws Exception {
    progress.println("Restore: state directory deleted, engine restarted...");
    Utils.delete(stateDir.toFile());
    long startNanos = System.nanoTime();
    try (EngineRun engine =
        new EngineRun(kafka, new RunSpec(name, guarantee, stateDir), ORDERS_TOPIC, options.partitions()).start()) {
      engine.awaitRunning();
      Duration untilRunning = Duration.ofNanos(System.nanoTime() - startNanos);
      return new BenchReport.State(customers, bytes, engine.restoreTimer().elapsed(), untilRunning,
          engine.restoreTimer().records(), kafka.changelogBytes(engine.applicationId()));
    }
  }

  private LatencyProbe.Latency latency(String guarantee) throws Exception {
    progress.printf("Latency at %,d orders/s for %s, %s...%n",
        options.rate(), options.latencyDuration(), guarantee);
    return LatencyProbe.measure(
        kafka, guarantee, options.partitions(), options.customers(), options.rate(),
        options.latencyDuration(), options.latencyWarmup(), dir("latency-" + guarantee));
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectories(workDir.resolve(name));
  }
}
