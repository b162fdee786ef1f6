package io.ltvengine.app.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ApiHandlers} on Jetty. Jetty parses requests without holding a thread, so clients
 * that never finish their headers cost nothing until the idle timeout closes them; queries run at
 * most {@code maxConcurrentQueries} at a time with a bounded queue behind them, answered 503 with
 * {@code Retry-After} when it is full, while health and readiness bypass the queue.
 */
public final class LtvHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LtvHttpServer.class);

  /** Threads for queries, health and the peers' fan-out requests; queries take at most a share. */
  private static final int THREADS = 48;

  /** Where and how the server listens, and who may ask it. */
  public record Options(String bindAddress, int port, ApiKeys apiKeys, Limits limits) {}

  /**
   * @param maxConcurrentQueries queries answered at once
   * @param maxQueuedQueries queries waiting beyond those; more are answered 503
   * @param idleTimeout a connection that sends nothing for this long is closed, half-sent headers too
   */
  public record Limits(int maxConcurrentQueries, int maxQueuedQueries, Duration idleTimeout) {}

  private final Server server;
  private final ServerConnector connector;

  private LtvHttpServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  public static LtvHttpServer start(Options options, ApiHandlers handlers) {
    QueuedThreadPool threads = new QueuedThreadPool(THREADS, 4);
    threads.setName("ltv-http");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
    connector.setHost(options.bindAddress());
    connector.setPort(options.port());
    connector.setIdleTimeout(options.limits().idleTimeout().toMillis());
    server.addConnector(connector);
    server.setHandler(new ApiKeyHandler(options.apiKeys(), QueryQueue.around(new ApiHandler(handlers), options.limits())));
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot listen on " + options.bindAddress() + ":" + options.port(), e);
    }
    LtvHttpServer started = new LtvHttpServer(server, connector);
    started.logWhereItListens(options);
    return started;
  }

  /** No server version in the headers; ids may carry encoded slashes, which the handlers decode. */
  private static HttpConfiguration httpConfiguration() {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setUriCompliance(UriCompliance.DEFAULT.with(
        "ltv-ids", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
    return http;
  }

  private void logWhereItListens(Options options) {
    boolean loopback = isLoopback(options.bindAddress());
    LOG.info("Query API, metrics and dashboard on http://{}:{}/ ({})", options.bindAddress(), port(),
        loopback ? "loopback only" : "reachable from the network");
    if (!loopback && !options.apiKeys().required()) {
      LOG.warn("The query API serves customer data to anyone who reaches {}:{}: set http.auth.api.keys",
          options.bindAddress(), port());
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("Stopping the HTTP server failed", e);
    }
  }
}
