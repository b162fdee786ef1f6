package io.ltvengine.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ApiHandlers} with the JDK's own HTTP server: a handful of read-only GET endpoints
 * need no framework, and the jar stays free of one.
 */
public final class LtvHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LtvHttpServer.class);
  private static final int THREADS = 8;

  private final HttpServer server;
  private final ExecutorService executor;

  private LtvHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static LtvHttpServer start(int port, ApiHandlers handlers) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      // Fan-out requests wait on other instances, so requests need threads of their own.
      ExecutorService executor = Executors.newFixedThreadPool(THREADS);
      server.setExecutor(executor);
      server.createContext("/", exchange -> serve(exchange, handlers));
      server.start();
      LOG.info("Query API, metrics and dashboard on http://localhost:{}/", server.getAddress().getPort());
      return new LtvHttpServer(server, executor);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, ApiHandlers handlers) throws IOException {
    try (exchange) {
      ApiResponse response =
          "GET".equals(exchange.getRequestMethod())
              ? handle(exchange, handlers)
              : ApiResponse.text(405, "application/json", "{\"error\":\"Only GET is supported\",\"status\":405}");
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.sendResponseHeaders(response.status(), response.body().length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(response.body());
      }
    }
  }

  private static ApiResponse handle(HttpExchange exchange, ApiHandlers handlers) {
    try {
      return handlers.handle(ApiRequest.of(exchange.getRequestURI()));
    } catch (RuntimeException e) {
      LOG.error("Request {} failed", exchange.getRequestURI(), e);
      return ApiResponse.text(500, "application/json", "{\"error\":\"Internal error\",\"status\":500}");
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
