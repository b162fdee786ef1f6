package io.ltvengine.app.cli;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.config.ConfigLoader;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.registry.RegistryClientConfig;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ltv run}: the stream application against a configured Kafka cluster. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the LTV engine against a Kafka cluster until stopped (Ctrl-C or SIGTERM).",
      "Settings come from --config, then LTV_* environment variables (LTV_FOO_BAR sets foo.bar),",
      "then the options below; any Kafka Streams, consumer or producer key may be set the same way."
    })
public final class RunCommand implements Callable<Integer> {

  /** How long SIGTERM waits for the engine to close: Kafka Streams' own close timeout and a margin. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(45);

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with engine and Kafka settings.")
  Path config;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka brokers (bootstrap.servers).")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL", description = "Schema Registry URL(s), or mock://scope for an in-memory registry (schema.registry.url).")
  String schemaRegistryUrl;

  @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id: consumer group and prefix of internal topics (default: ltv-engine).")
  String applicationId;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Directory of the local state stores (state.dir).")
  Path stateDir;

  @Option(names = "--processing-guarantee", paramLabel = "GUARANTEE", description = "exactly_once_v2 (default) or at_least_once.")
  String processingGuarantee;

  @Option(names = "--time-mode", paramLabel = "MODE", description = "Churn clock: wall-clock (default) or stream-time to replay history.")
  String timeMode;

  @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the query API, metrics and dashboard; 0 disables it (http.port, default 8080).")
  Integer httpPort;

  @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Any other setting, e.g. --set churn.gap.multiplier=3 (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    Properties properties = ConfigLoader.load(config, System.getenv(), overrides());
    PrintWriter err = spec.commandLine().getErr();
    if (!properties.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      err.println("No Kafka cluster configured.");
      err.println("  To see the engine work with nothing installed:  java -jar target/ltv.jar demo");
      err.println("  To run against a cluster:  java -jar target/ltv.jar run --bootstrap-servers HOST:9092 "
          + "--schema-registry-url http://HOST:8081");
      err.println("  (or set bootstrap.servers in --config FILE, or LTV_BOOTSTRAP_SERVERS)");
      return 2;
    }
    if (!properties.containsKey(RegistryClientConfig.URL)) {
      err.println("No Schema Registry configured: set --schema-registry-url (or " + RegistryClientConfig.URL + ").");
      return 2;
    }
    LtvConfig engineConfig;
    try {
      engineConfig = new LtvConfig(properties);
    } catch (ConfigException e) {
      err.println("Invalid configuration: " + e.getMessage());
      return 2;
    }
    try {
      runUntilStopped(engineConfig);
    } catch (IllegalStateException e) {
      err.println("Cannot start the engine: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /**
   * Runs until SIGTERM or Ctrl-C. The JVM halts once its shutdown hooks return, so the hook waits
   * for the engine to close: Kafka Streams leaves the group and writes its checkpoints, and a
   * restart restores nothing beyond them.
   */
  private static void runUntilStopped(LtvConfig config) throws InterruptedException {
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> awaitClose(stopRequested, closed), "ltv-shutdown");
    try (LtvApplication application = new LtvApplication(config, config.defaultClock(), new CompositeMeterRegistry())) {
      application.start();
      Runtime.getRuntime().addShutdownHook(hook);
      stopRequested.await();
    } finally {
      closed.countDown();
    }
  }

  private static void awaitClose(CountDownLatch stopRequested, CountDownLatch closed) {
    stopRequested.countDown();
    try {
      closed.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, String> overrides() {
    Map<String, String> overrides = new HashMap<>(settings);
    putIfSet(overrides, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    putIfSet(overrides, RegistryClientConfig.URL, schemaRegistryUrl);
    putIfSet(overrides, StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    putIfSet(overrides, StreamsConfig.STATE_DIR_CONFIG, stateDir == null ? null : stateDir.toString());
    putIfSet(overrides, StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
    putIfSet(overrides, LtvConfig.TIME_MODE, timeMode);
    putIfSet(overrides, LtvConfig.HTTP_PORT, httpPort == null ? null : httpPort.toString());
    return overrides;
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
