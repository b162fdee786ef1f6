package io.ltvengine.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.app.service.CustomerQueryService;
import io.ltvengine.app.service.EngineHealth;
import io.ltvengine.app.service.PeerClient;
import io.ltvengine.app.service.RecentAlerts;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.Topics;
import io.ltvengine.valuation.Valuation;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an instance serves over HTTP: the query API, Prometheus metrics (the engine's own
 * counters and the Kafka Streams client metrics), the recent alerts and the dashboard.
 */
public final class QueryApi implements AutoCloseable {

  static final int RECENT_ALERTS = 50;

  /** The running engine the API answers for, and where its metrics are scraped from. */
  public record Engine(
      KafkaStreams streams, EngineHealth health, Valuation valuation, Topics topics, PrometheusMeterRegistry prometheus) {}

  private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);

  private final KafkaStreamsMetrics streamsMetrics;
  private final RecentAlerts alerts;
  private final LtvHttpServer server;

  private QueryApi(KafkaStreamsMetrics streamsMetrics, RecentAlerts alerts, LtvHttpServer server) {
    this.streamsMetrics = streamsMetrics;
    this.alerts = alerts;
    this.server = server;
  }

  /** Where this instance's API is reached by the others: {@code http.advertised.host:http.port}. */
  public static HostInfo advertised(LtvConfig config) {
    return new HostInfo(config.getString(LtvConfig.HTTP_ADVERTISED_HOST), config.getInt(LtvConfig.HTTP_PORT));
  }

  public static QueryApi start(LtvConfig config, Properties clientProperties, Engine engine) {
    AdvertisedAddress.problem(advertised(config)).ifPresent(LOG::warn);
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(engine.streams());
    streamsMetrics.bindTo(engine.prometheus());
    ObjectMapper json = new ObjectMapper();
    ApiKeys apiKeys = ApiKeys.of(config.apiKeys());
    CustomerQueryService queries =
        new CustomerQueryService(
            engine.streams(),
            new CustomerQueryService.Placement(
                HostInfo.buildFromEndpoint(clientProperties.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)),
                engine.topics().orders().name(),
                engine.topics().cohortDeltas().name(),
                config.getLong(LtvConfig.QUERY_MAX_LAG_OFFSETS)),
            engine.valuation(),
            engine.health(),
            new PeerClient(json, apiKeys.peerAuthorization()));
    RecentAlerts alerts = new RecentAlerts(clientProperties, engine.topics().churnAlerts(), RECENT_ALERTS);
    ApiHandlers handlers = new ApiHandlers(queries, engine.prometheus()::scrape, alerts::latest, json);
    LtvHttpServer server = LtvHttpServer.start(serverOptions(config, apiKeys), handlers);
    return new QueryApi(streamsMetrics, alerts, server);
  }

  private static LtvHttpServer.Options serverOptions(LtvConfig config, ApiKeys apiKeys) {
    return new LtvHttpServer.Options(
        config.getString(LtvConfig.HTTP_BIND_ADDRESS),
        config.getInt(LtvConfig.HTTP_PORT),
        apiKeys,
        new LtvHttpServer.Limits(
            config.getInt(LtvConfig.HTTP_MAX_CONCURRENT_QUERIES),
            config.getInt(LtvConfig.HTTP_MAX_QUEUED_QUERIES),
            Duration.ofMillis(config.getLong(LtvConfig.HTTP_IDLE_TIMEOUT))));
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    alerts.close();
    streamsMetrics.close();
  }
}
