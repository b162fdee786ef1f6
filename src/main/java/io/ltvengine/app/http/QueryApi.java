package io.ltvengine.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ltvengine.app.service.CustomerQueryService;
import io.ltvengine.app.service.CustomerViews;
import io.ltvengine.app.service.PeerClient;
import io.ltvengine.app.service.RecentAlerts;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.streams.LtvSettings;
import io.ltvengine.streams.LtvSettings.Setting;
import io.ltvengine.streams.LtvTopology;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.streams.Topics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Everything an instance serves over HTTP: the query API, Prometheus metrics (the engine's own
 * counters from Micrometer's global registry and the Kafka Streams client metrics), the recent
 * alerts and the dashboard.
 */
public final class QueryApi implements AutoCloseable {

  static final int RECENT_ALERTS = 50;

  private final PrometheusMeterRegistry prometheus;
  private final KafkaStreamsMetrics streamsMetrics;
  private final RecentAlerts alerts;
  private final LtvHttpServer server;

  private QueryApi(
      PrometheusMeterRegistry prometheus,
      KafkaStreamsMetrics streamsMetrics,
      RecentAlerts alerts,
      LtvHttpServer server) {
    this.prometheus = prometheus;
    this.streamsMetrics = streamsMetrics;
    this.alerts = alerts;
    this.server = server;
  }

  /** Where this instance's API is reached by the others: {@code http.advertised.host:http.port}. */
  public static HostInfo advertised(LtvSettings settings) {
    return new HostInfo(settings.get(Setting.HTTP_ADVERTISED_HOST), settings.getInt(Setting.HTTP_PORT));
  }

  public static QueryApi start(
      LtvSettings settings,
      LtvTopology.Environment environment,
      Properties clientProperties,
      Topics topics,
      KafkaStreams streams) {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The topology counts into the environment's registry, the dead-letter handlers into the
    // global one; both reach Prometheus when it joins the global composite.
    Metrics.addRegistry(prometheus);
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(prometheus);
    ObjectMapper json = new ObjectMapper();
    CustomerQueryService queries =
        new CustomerQueryService(
            streams,
            HostInfo.buildFromEndpoint(clientProperties.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG)),
            topics.orders().name(),
            CustomerViews.from(settings, name -> publishedModel(streams, name)),
            LtvTopology.currency(settings),
            new PeerClient(json),
            Clock.systemUTC());
    RecentAlerts alerts = new RecentAlerts(clientProperties, topics.churnAlerts(), RECENT_ALERTS);
    ApiHandlers handlers = new ApiHandlers(queries, prometheus::scrape, alerts::latest, json);
    LtvHttpServer server = LtvHttpServer.start(settings.getInt(Setting.HTTP_PORT), handlers);
    return new QueryApi(prometheus, streamsMetrics, alerts, server);
  }

  /** The global model store answers for every instance; while it is not ready, there is no model. */
  private static LtvModel publishedModel(KafkaStreams streams, String name) {
    try {
      return streams
          .store(StoreQueryParameters.fromNameAndType(StoreNames.MODEL, QueryableStoreTypes.<String, LtvModel>keyValueStore()))
          .get(name);
    } catch (InvalidStateStoreException notReady) {
      return null;
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
    alerts.close();
    streamsMetrics.close();
    Metrics.removeRegistry(prometheus);
    prometheus.close();
  }
}
