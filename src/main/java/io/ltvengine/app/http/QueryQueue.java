package io.ltvengine.app.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's quality-of-service handler in front of the queries: a bounded number at once, a bounded
 * queue behind them, and 503 with {@code Retry-After} past either. Health and readiness never
 * queue, so saturated queries cannot starve them.
 *
 * <p>The requests of another instance's fan-out ({@code local=true}) have a queue of their own:
 * behind the external queries that caused them, two instances that each fill their slots with
 * queries forwarded to the other would wait on each other until the peers' timeout.
 */
final class QueryQueue extends QoSHandler {

  private static final String RETRY_AFTER_SECONDS = "1";

  private QueryQueue(Handler next, LtvHttpServer.Limits limits) {
    super(next);
    setMaxRequestCount(limits.maxConcurrentQueries());
    setMaxSuspendedRequestCount(limits.maxQueuedQueries());
    setMaxSuspend(limits.idleTimeout());
  }

  static Handler around(Handler next, LtvHttpServer.Limits limits) {
    QueryQueue fromInstances = new QueryQueue(next, limits);
    fromInstances.include(QueryQueue::fromAnotherInstance);
    QueryQueue fromClients = new QueryQueue(fromInstances, limits);
    fromClients.exclude(QueryQueue::fromAnotherInstance);
    fromClients.excludePath("/health", "/ready");
    return fromClients;
  }

  /** A part of another instance's answer: it reads this instance's stores alone. */
  private static boolean fromAnotherInstance(Request request) {
    return "true".equals(Request.extractQueryParameters(request).getValue("local"));
  }

  @Override
  protected void reject(Request request, Response response, Callback callback, int status) {
    response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
    super.reject(request, response, callback, status);
  }

  @Override
  protected void expireSuspended(Request request, Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.RETRY_AFTER, RETRY_AFTER_SECONDS);
    super.expireSuspended(request, response, callback);
  }
}
