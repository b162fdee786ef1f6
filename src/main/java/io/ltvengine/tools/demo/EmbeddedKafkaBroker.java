package io.ltvengine.tools.demo;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * so that {@code ltv demo} needs nothing installed. It formats a fresh temporary data directory,
 * listens on free loopback ports and is configured for one node: internal topics have one replica,
 * so consumer groups and exactly-once transactions work.
 *
 * <p>{@link #stop()} and {@link #restart()} take the broker down and bring it back on the same
 * ports and data, as a broker outage does. An {@link AdditionalListener} adds a listener with its
 * own security protocol, e.g. SASL_SSL, next to the PLAINTEXT one.
 *
 * <p>The data directory is deleted on {@link #close()} and, should the JVM exit first, by a shutdown
 * hook.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A further listener named {@code name} on a free loopback port, speaking {@code protocol}, with
   * its own broker settings (e.g. {@code listener.name.secure.scram-sha-512.sasl.jaas.config}).
   */
  public record AdditionalListener(String name, String protocol, Map<String, String> config) {}

  private final File dataDir;
  private final String bootstrapServers;
  private final String additionalBootstrapServers;
  private final KafkaConfig config;
  private final Thread cleanupOnExit;
  private KafkaRaftServer server;
  private boolean running;

  private EmbeddedKafkaBroker(File dataDir, Map<String, String> config, String bootstrapServers,
      String additionalBootstrapServers) {
    this.dataDir = dataDir;
    this.bootstrapServers = bootstrapServers;
    this.additionalBootstrapServers = additionalBootstrapServers;
    this.config = new KafkaConfig(config, false);
    format(this.config);
    this.cleanupOnExit = new Thread(this::stopAndDelete, "embedded-kafka-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  /** Formats a new data directory, starts the broker and waits until it serves clients. */
  public static EmbeddedKafkaBroker start() {
    return start(null);
  }

  /** As {@link #start()}, with {@code additional} next to the PLAINTEXT listener (may be null). */
  public static EmbeddedKafkaBroker start(AdditionalListener additional) {
    long startNanos = System.nanoTime();
    File dataDir = createDataDir();
    int[] ports = freeLoopbackPorts(3);
    int brokerPort = ports[0];
    Map<String, String> config = new HashMap<>(brokerConfig(dataDir, brokerPort, ports[1]));
    String additionalBootstrap = additional == null ? null : addListener(config, additional, ports[2]);
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker(dataDir, config, "127.0.0.1:" + brokerPort, additionalBootstrap);
    try {
      broker.startServer();
      LOG.info("Embedded Kafka broker ready at {} after {} ms", broker.bootstrapServers,
          Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  private static String addListener(Map<String, String> config, AdditionalListener listener, int port) {
    String address = "127.0.0.1:" + port;
    config.merge("listeners", listener.name() + "://" + address, (a, b) -> a + "," + b);
    config.merge("listener.security.protocol.map", listener.name() + ":" + listener.protocol(),
        (a, b) -> a + "," + b);
    config.putAll(listener.config());
    return address;
  }

  /** Value for the clients' {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** {@code bootstrap.servers} of the {@link AdditionalListener}. */
  public String additionalBootstrapServers() {
    if (additionalBootstrapServers == null) {
      throw new IllegalStateException("The broker was started without an additional listener");
    }
    return additionalBootstrapServers;
  }

  /** Shuts the broker down, keeping its data, as a broker crash or maintenance does. */
  public synchronized void stop() {
    if (running) {
      server.shutdown();
      server.awaitShutdown();
      running = false;
    }
  }

  /**
   * Stops the broker if it runs, then starts it again on the same ports and data directory and
   * waits until it serves clients.
   */
  public synchronized void restart() {
    stop();
    startServer();
  }

  private void startServer() {
    server = new KafkaRaftServer(config, Time.SYSTEM);
    running = true;
    server.startup();
    awaitReady();
  }

  /** The broker's data directory; it no longer exists once the broker is closed. */
  public File dataDir() {
    return dataDir;
  }

  /**
   * Drops the broker's own exit hook, for an owner whose exit hook still needs the broker (to drain
   * and report on Ctrl-C) and closes it afterwards. Shutdown hooks run concurrently, so the
   * broker's own hook would pull the broker away mid-drain.
   */
  public void leaveExitCleanupToOwner() {
    removeExitHook();
  }

  @Override
  public void close() {
    stopAndDelete();
    removeExitHook();
  }

  private void removeExitHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
    } catch (IllegalStateException jvmAlreadyExiting) {
      // The hook is running or has run; nothing left to undo.
    }
  }

  private synchronized void stopAndDelete() {
    if (!dataDir.exists()) {
      return;
    }
    stop();
    try {
      Utils.delete(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + dataDir, e);
    }
  }

  private static Map<String, String> brokerConfig(File dataDir, int brokerPort, int controllerPort) {
    return Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", String.valueOf(NODE_ID)),
        Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
        Map.entry("listeners",
            "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + controllerPort),
        Map.entry("listener.security.protocol.map",
            "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
        Map.entry("controller.listener.names", CONTROLLER_LISTENER),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("log.dirs", dataDir.getAbsolutePath()),
        // One node: every internal topic must live with a single replica, or groups and
        // transactions would wait forever for replicas that never come.
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("min.insync.replicas", "1"),
        // Fewer internal partitions make the first group join and first transaction fast.
        Map.entry("offsets.topic.num.partitions", "1"),
        Map.entry("transaction.state.log.num.partitions", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // Demo shop time runs ahead of the wall clock, and some malformed records are dated years
        // ahead on purpose: the broker must accept them so the engine can be seen rejecting them.
        Map.entry("log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE)),
        // The default 128 MiB compaction buffer is far more than a demo's changelogs need.
        Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024)));
  }

  private static void format(KafkaConfig config) {
    try {
      new Formatter()
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(config.logDirs())
          .setMetadataLogDirectory(config.metadataLogDir())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format the embedded broker's storage", e);
    }
  }

  private void awaitReady() {
    Map<String, Object> adminConfig = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
    try (Admin admin = Admin.create(adminConfig)) {
      admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the embedded broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Embedded broker did not become ready", e);
    }
  }

  private static File createDataDir() {
    try {
      return Files.createTempDirectory("ltv-embedded-kafka-").toFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Distinct free loopback ports: the sockets stay open until all are chosen, since a port closed
   * a moment ago may be handed out again at once (two listeners on one port then stop the broker).
   */
  private static int[] freeLoopbackPorts(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        release(socket);
      }
    }
  }

  private static void release(ServerSocket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
