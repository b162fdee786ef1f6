package io.ltvengine.app;

import io.ltvengine.app.http.QueryApi;
import io.ltvengine.app.service.TopicProvisioner;
import io.ltvengine.streams.LtvSettings;
import io.ltvengine.streams.LtvTopology;
import io.ltvengine.streams.RegistryAvroSerdes;
import io.ltvengine.streams.StreamsProperties;
import io.ltvengine.streams.Topics;
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
 * when {@code http.port} is set, the query API, metrics and dashboard.
 */
public final class LtvApplication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LtvApplication.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final Topics topics;
  private final LtvSettings settings;
  private final Properties properties;
  private final LtvTopology.Environment environment;
  private QueryApi api;

  public LtvApplication(LtvSettings settings, LtvTopology.Environment environment) {
    this.settings = settings;
    this.environment = environment;
    this.properties = StreamsProperties.of(settings);
    if (httpEnabled()) {
      // Tells the other instances where to forward queries for the customers this one owns.
      HostInfo advertised = QueryApi.advertised(settings);
      properties.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
    }
    this.topics = Topics.create(settings, new RegistryAvroSerdes(asMap(properties)));
    this.streams = new KafkaStreams(LtvTopology.build(settings, topics, environment), properties);
    // A failed thread is replaced and resumes from its last commit; under exactly-once nothing is
    // lost or counted twice, and an outage such as an unreachable registry heals on its own.
    streams.setUncaughtExceptionHandler(
        exception -> {
          LOG.error("Stream thread failed; replacing it", exception);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener((now, before) -> LOG.info("Kafka Streams state {} -> {}", before, now));
  }

  /** Creates missing topics when configured to, then starts processing and the HTTP API. */
  public void start() throws InterruptedException {
    if (Boolean.parseBoolean(settings.get(LtvSettings.Setting.TOPICS_CREATE))) {
      TopicProvisioner.ensureTopics(properties, settings, topics);
    }
    streams.start();
    if (httpEnabled()) {
      api = QueryApi.start(settings, environment, properties, topics, streams);
    }
  }

  /** Port of the HTTP API once started, or 0 when {@code http.port} is 0. */
  public int httpPort() {
    return api == null ? 0 : api.port();
  }

  private boolean httpEnabled() {
    return settings.getInt(LtvSettings.Setting.HTTP_PORT) > 0;
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
      try {
        api.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Leaving the group hands this instance's partitions over at once, instead of after the
    // session timeout, when it stops for good or restarts.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
  }

  private static Map<String, Object> asMap(Properties properties) {
    Map<String, Object> map = new HashMap<>();
    properties.forEach((key, value) -> map.put(String.valueOf(key), value));
    return map;
  }
}
