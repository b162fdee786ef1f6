package io.ltvengine.app.service;

/** A query that cannot be answered, with the HTTP status that says why. */
public class QueryException extends RuntimeException {

  private final int status;

  public QueryException(int status, String message) {
    super(message);
    this.status = status;
  }

  public QueryException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public static QueryException notFound(String message) {
    return new QueryException(404, message);
  }

  /** The state is moving (rebalance, restoration) or a peer cannot be reached: retry later. */
  public static QueryException unavailable(String message) {
    return new QueryException(503, message);
  }

  public static QueryException unavailable(String message, Throwable cause) {
    return new QueryException(503, message, cause);
  }

  public static QueryException badRequest(String message) {
    return new QueryException(400, message);
  }

  public int status() {
    return status;
  }
}
