package io.ltvengine.app.http;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Asks for an API key on everything that serves data. Health and readiness stay open for probes,
 * and so do the dashboard's static files, which hold no data: the dashboard sends the key itself.
 */
final class ApiKeyHandler extends Handler.Wrapper {

  static final Set<String> OPEN_PATHS =
      Set.of("/health", "/ready", "/", "/index.html", "/dashboard.js", "/dashboard.css", "/openapi.yaml");

  private final ApiKeys keys;

  ApiKeyHandler(ApiKeys keys, Handler next) {
    super(next);
    this.keys = keys;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (OPEN_PATHS.contains(Request.getPathInContext(request))
        || keys.accept(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      return super.handle(request, response, callback);
    }
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    ApiHandler.write(response, callback, ApiResponse.text(HttpStatus.UNAUTHORIZED_401, ApiResponse.JSON,
        "{\"error\":\"An API key is required: Authorization: Bearer KEY\",\"status\":401}"));
    return true;
  }
}
