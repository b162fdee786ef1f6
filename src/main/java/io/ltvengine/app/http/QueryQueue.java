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
 */
final class QueryQueue extends QoSHandler {

  private static final String RETRY_AFTER_SECONDS = "1";

  private QueryQueue(Handler next) {
    super(next);
  }

  static QueryQueue around(Handler next, LtvHttpServer.Limits limits) {
    QueryQueue queue = new QueryQueue(next);
    queue.setMaxRequestCount(limits.maxConcurrentQueries());
    queue.setMaxSuspendedRequestCount(limits.maxQueuedQueries());
    queue.setMaxSuspend(limits.idleTimeout());
    queue.excludePath("/health", "/ready");
    return queue;
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
