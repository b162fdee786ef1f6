package io.ltvengine.app;

import io.ltvengine.app.http.QueryApi;
import io.ltvengine.app.service.EngineHealth;
import io.ltvengine.app.service.StartupChecks;
import io.ltvengine.app.service.TopicProvisioner;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.LtvMetrics;
import io.ltvengine.streams.LtvTopology;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.ltvengine.streams.StreamsProperties;
import io.ltvengine.streams.Topics;
import io.ltvengine.streams.errors.DeadLetterBreaker;
import io.ltvengine.valuation.EngineClock;
import io.ltvengine.valuation.Valuation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running engine: the topology in a KafkaStreams instance, with its topics in place, and,
 * when {@code http.port} is set, the query API, metrics and dashboard. The valuation core is built
 * here once, with the engine's clock, and shared by the topology and the query API.
 */
public final class LtvApplication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LtvApplication.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  /** Longest wait before a failed stream thread is replaced: backoff for an outage that lasts. */
  private static final Duration MAX_REPLACEMENT_BACKOFF = Duration.ofSeconds(10);

  private final LtvConfig config;
  private final Properties properties;
  private final Topics topics;
  private final Valuation valuation;
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final KafkaStreams streams;
  private final EngineHealth health;
  private QueryApi api;

  /** @param meters where the caller reads the engine's counters, beside the API's Prometheus registry */
  public LtvApplication(LtvConfig config, EngineClock clock, MeterRegistry meters) {
    this.config = config;
    CompositeMeterRegistry engineMeters = new CompositeMeterRegistry();
    engineMeters.add(meters);
    engineMeters.add(prometheus);
    LtvMetrics metrics = new LtvMetrics(engineMeters);
    DeadLetterBreaker breaker =
        new DeadLetterBreaker(config.getInt(LtvConfig.DLQ_BREAKER_WINDOW), config.getDouble(LtvConfig.DLQ_BREAKER_MAX_SHARE));
    this.properties = StreamsProperties.of(config, metrics, breaker);
    if (httpEnabled()) {
      // Tells the other instances where to forward queries for the customers this one owns.
      HostInfo advertised = QueryApi.advertised(config);
      properties.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
    }
    this.topics = Topics.create(config, new RegistryAvroSerdes(asMap(properties)));
    this.valuation = Valuation.create(config.valuation(), clock);
    this.streams = new KafkaStreams(
        LtvTopology.build(config, topics, new LtvTopology.Environment(valuation, metrics, breaker)), properties);
    this.health = new EngineHealth(streams, breaker, healthLimits(config), Clock.systemUTC());
    streams.setUncaughtExceptionHandler(exception -> onThreadFailure(exception, breaker));
    streams.setStateListener((now, before) -> LOG.info("Kafka Streams state {} -> {}", before, now));
  }

  /**
   * Only the environment fails a thread (a bad record goes to the dead letters). The thread is
   * replaced after a backoff that grows with the failures of the last minutes, and resumes from
   * its last commit: under exactly-once nothing is lost or counted twice, and an outage such as an
   * unreachable registry heals on its own. A tripped dead-letter breaker stops the engine instead.
   */
  private StreamThreadExceptionResponse onThreadFailure(Throwable exception, DeadLetterBreaker breaker) {
    if (breaker.tripped().isPresent()) {
      LOG.error("Stopping the engine: {}", breaker.tripped().get());
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    int recent = health.threadReplaced();
    Duration backoff = Duration.ofMillis(Math.min(MAX_REPLACEMENT_BACKOFF.toMillis(), 500L << Math.min(recent, 10)));
    LOG.error("Stream thread failed ({} within the health window); replacing it in {} ms", recent, backoff.toMillis(), exception);
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  private static EngineHealth.Limits healthLimits(LtvConfig config) {
    return new EngineHealth.Limits(
        config.seconds(LtvConfig.HEALTH_STALL_TIMEOUT),
        config.getInt(LtvConfig.HEALTH_MAX_REPLACEMENTS),
        config.minutes(LtvConfig.HEALTH_REPLACEMENT_WINDOW));
  }

  /**
   * Checks that the broker and the registry answer, creates missing topics when configured to,
   * then starts processing and the HTTP API.
   */
  public void start() throws InterruptedException {
    StartupChecks.requireReachable(properties, asMap(properties));
    if (config.getBoolean(LtvConfig.TOPICS_CREATE)) {
      TopicProvisioner.ensureTopics(properties, config, topics);
    }
    streams.start();
    if (httpEnabled()) {
      api = QueryApi.start(config, properties, new QueryApi.Engine(streams, health, valuation, topics, prometheus));
    }
  }

  /** Port of the HTTP API once started, or 0 when {@code http.port} is 0. */
  public int httpPort() {
    return api == null ? 0 : api.port();
  }

  private boolean httpEnabled() {
    return config.getInt(LtvConfig.HTTP_PORT) > 0;
  }

  public EngineHealth health() {
    return health;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public Topics topics() {
    return topics;
  }

  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    // Leaving the group hands this instance's partitions over at once, instead of after the
    // session timeout, when it stops for good or restarts.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
    prometheus.close();
  }

  private static Map<String, Object> asMap(Properties properties) {
    Map<String, Object> map = new HashMap<>();
    properties.forEach((key, value) -> map.put(String.valueOf(key), value));
    return map;
  }
}
