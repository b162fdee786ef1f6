package io.ltvengine.tools.demo;

import io.ltvengine.app.LtvApplication;
import io.ltvengine.avro.Order;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.ltvengine.valuation.EngineClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole engine in one process: an embedded broker, the in-memory registry, the stream
 * application and a synthetic shop, with a console view of the outputs. Churn checks run on the
 * shop's compressed clock, so months of customer behaviour pass in a minute.
 */
public final class Demo {

  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
  private static final String REGISTRY_URL = "mock://demo";
  private static final String APPLICATION_ID = "ltv-demo";
  private static final Duration STATUS_INTERVAL = Duration.ofSeconds(2);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
  /** A customer who stopped buying a month ago has had time to be noticed by any brisk buyer's rule. */
  private static final Duration RECALL_GRACE = Duration.ofDays(30);
  /** How often the demo refits the models on the order history, as a shop would nightly. */
  private static final Duration REFIT_INTERVAL = Duration.ofSeconds(30);
  /**
   * An order older than this much wall time when processed means the engine is behind. The
   * engine's tolerance is in shop time, and the shop's minutes pass in milliseconds: left at its
   * default, an ordinary commit delay on a busy machine would hold every churn check.
   */
  private static final Duration WALL_BACKLOG_TOLERANCE = Duration.ofSeconds(5);

  private final DemoOptions options;
  private final DemoConsole console;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final MeterRegistry meters = new SimpleMeterRegistry();

  public Demo(DemoOptions options, DemoConsole console) {
    this.options = options;
    this.console = console;
  }

  /** Ends the run early, as Ctrl-C does; callable from any thread. */
  public void stop() {
    stopRequested.countDown();
  }

  /** Runs until the duration has passed or {@link #stop()} is called, then reports. */
  public DemoReport run() throws IOException, InterruptedException {
    Path stateDir = Files.createTempDirectory("ltv-demo-state-");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      broker.leaveExitCleanupToOwner();
      return run(broker.bootstrapServers(), stateDir);
    } finally {
      Utils.delete(stateDir.toFile());
    }
  }

  private DemoReport run(String bootstrapServers, Path stateDir) throws InterruptedException {
    Instant shopStart = Instant.now().truncatedTo(ChronoUnit.DAYS);
    ShopClock clock = ShopClock.start(shopStart, options.timeScale());
    ShopSimulator simulator = new ShopSimulator(options.shopParameters(shopStart));
    LtvConfig config = config(bootstrapServers, stateDir);
    long startNanos = System.nanoTime();
    try (LtvApplication application = new LtvApplication(config, EngineClock.of(clock), meters)) {
      application.start();
      awaitRunning(application.streams());
      try (DemoMonitor monitor = DemoMonitor.start(bootstrapServers, application.topics(), console);
          ConsumerLag lag = new ConsumerLag(bootstrapServers, APPLICATION_ID,
              application.topics().orders().name());
          ShopProducer shop = new ShopProducer(producer(bootstrapServers),
              application.topics().orders().name(), orderSerializer(), simulator, clock)) {
        console.started(bootstrapServers, options, shopStart);
        Thread shopThread = new Thread(() -> shop.runUntil(Instant.MAX), "demo-shop");
        shopThread.start();
        ScheduledExecutorService refits = Executors.newSingleThreadScheduledExecutor();
        refits.scheduleWithFixedDelay(
            refitter(bootstrapServers, application, clock),
            REFIT_INTERVAL.toSeconds(), REFIT_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        Live live = new Live(startNanos, clock, shop, monitor, lag, meters);
        showUntilStopped(live);
        shop.stop();
        shopThread.join();
        refits.shutdownNow();
        Instant shopEnd = clock.instant();
        catchUp(lag, monitor);
        return new DemoReport(
            live.elapsed(),
            Duration.between(shopStart, shopEnd),
            live.totals(),
            shop.sentCounts(),
            monitor.deadLettersByReason(),
            AlertAccuracy.of(monitor.customerByAlertId(), monitor.reactivatedAlertIds(),
                simulator.truths(), shopEnd, RECALL_GRACE),
            OracleAlerts.of(AlertAccuracy.openlyAlerted(monitor.customerByAlertId(), monitor.reactivatedAlertIds()),
                simulator.truths(), options.shopParameters(shopStart).buying(), shopEnd),
            RECALL_GRACE);
      }
    }
  }

  private void showUntilStopped(Live live) throws InterruptedException {
    while (!stopRequested.await(STATUS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
      console.status(live.elapsed(), live.clock().instant(), live.totals(), live.lag().current());
      live.monitor().newPeriod();
      if (options.duration().filter(d -> live.elapsed().compareTo(d) >= 0).isPresent()) {
        return;
      }
    }
  }

  /**
   * The shop opens once the engine runs, and so once the freshly created topics have leaders: an
   * idempotent producer's first batches sent before that can be refused for minutes.
   */
  private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("The engine did not start within " + START_TIMEOUT);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Lets the engine commit every order sent and the monitor read every output committed. */
  private void catchUp(ConsumerLag lag, DemoMonitor monitor) throws InterruptedException {
    console.waitingForCatchUp();
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (lag.current().orElse(1) > 0 && System.nanoTime() - deadline < 0) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    boolean caughtUp =
        monitor.awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    if (!caughtUp) {
      LOG.warn("Gave up waiting for the engine after {}; the summary may miss the last records",
          CATCH_UP_TIMEOUT);
    }
  }

  private LtvConfig config(String bootstrapServers, Path stateDir) {
    Properties properties = new Properties();
    properties.putAll(Map.of(
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID,
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
        StreamsConfig.STATE_DIR_CONFIG, stateDir.toString(),
        "schema.registry.url", REGISTRY_URL,
        LtvConfig.TOPICS_CREATE, "true",
        // Fewer partitions than in production: one process on a laptop needs no more.
        LtvConfig.TOPICS_PARTITIONS, "3",
        // One check per second of wall time is one every few shop days.
        LtvConfig.CHECK_INTERVAL, "1",
        // A model under which one-time buyers can lapse, refitted every REFIT_INTERVAL.
        LtvConfig.MODEL_NAME, "mbgnbd",
        LtvConfig.HTTP_PORT, String.valueOf(options.api().port())));
    // The demo's customers are made up, but an API without a key stays on this machine.
    properties.put(LtvConfig.HTTP_BIND_ADDRESS, options.api().apiKey().isPresent() ? "0.0.0.0" : "127.0.0.1");
    options.api().apiKey().ifPresent(key -> properties.put(LtvConfig.HTTP_API_KEYS, key));
    properties.put(LtvConfig.BACKLOG_TOLERANCE, String.valueOf(shopMinutes(WALL_BACKLOG_TOLERANCE)));
    // The console shows cohorts live; a shop's dashboard is fine with the minute default.
    properties.put(LtvConfig.COHORT_FLUSH_INTERVAL, "5");
    // One instance: there is no other to hold a standby copy of its tasks.
    properties.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0");
    return new LtvConfig(properties);
  }

  private long shopMinutes(Duration wallTime) {
    double wallMinutes = wallTime.toMillis() / (double) Duration.ofMinutes(1).toMillis();
    return (long) Math.ceil(wallMinutes * options.timeScale());
  }

  private ModelRefitter refitter(String bootstrapServers, LtvApplication application, ShopClock clock) {
    return new ModelRefitter(
        bootstrapServers,
        new RegistryAvroSerdes(Map.of("schema.registry.url", REGISTRY_URL)),
        application.topics(),
        clock,
        console::modelPublished);
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.CLIENT_ID_CONFIG, "demo-shop"),
        new StringSerializer(), new ByteArraySerializer());
  }

  private static Serializer<Order> orderSerializer() {
    return new RegistryAvroSerdes(Map.of("schema.registry.url", REGISTRY_URL))
        .valueSerde(Order.class).serializer();
  }

  /** The running parts whose figures the live line and the summary show. */
  private record Live(
      long startNanos, ShopClock clock, ShopProducer shop, DemoMonitor monitor, ConsumerLag lag,
      MeterRegistry meters) {

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    DemoReport.Totals totals() {
      return new DemoReport.Totals(
          shop.sentCounts().values().stream().mapToLong(Long::longValue).sum(),
          monitor.ltvUpdates(),
          monitor.churnAlerts(),
          monitor.reactivations(),
          monitor.deadLetters(),
          (long) meters.counter("ltv.orders", "result", "duplicate").count());
    }
  }
}
