package io.ltvengine.app.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each GET to {@link ApiHandlers} and writes its answer with the security headers. */
final class ApiHandler extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final ApiHandlers handlers;

  ApiHandler(ApiHandlers handlers) {
    this.handlers = handlers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ApiResponse answer =
        "GET".equals(request.getMethod())
            ? answer(request)
            : ApiResponse.text(HttpStatus.METHOD_NOT_ALLOWED_405, ApiResponse.JSON,
                "{\"error\":\"Only GET is supported\",\"status\":405}");
    write(response, callback, answer);
    return true;
  }

  private ApiResponse answer(Request request) {
    try {
      return handlers.handle(ApiRequest.of(request.getHttpURI().toURI()));
    } catch (RuntimeException e) {
      LOG.error("Request {} failed", request.getHttpURI().getPath(), e);
      return ApiResponse.text(500, ApiResponse.JSON, "{\"error\":\"Internal error\",\"status\":500}");
    }
  }

  static void write(Response response, Callback callback, ApiResponse answer) {
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    response.getHeaders().put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    answer.headers().forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }
}
