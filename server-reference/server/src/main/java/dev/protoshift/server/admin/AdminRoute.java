package dev.protoshift.server.admin;

/**
 * One admin API endpoint: a method and path, and what it answers. Routes under {@code /admin/}
 * and {@code /metrics} need the bearer token; {@code /healthz} and {@code /readyz} do not.
 */
public record AdminRoute(String method, String path, Action action) {

  /** Computes the answer to one request. */
  @FunctionalInterface
  public interface Action {
    /**
     * @param body the request body (UTF-8), empty if none
     * @throws AdminException for a refusal with an HTTP status and a message naming what was wrong
     */
    AdminResponse handle(String body) throws AdminException;
  }

  /** An answer: status, content type and body. */
  public record AdminResponse(int status, String contentType, String body) {

    public static AdminResponse json(int status, String json) {
      return new AdminResponse(status, "application/json", json);
    }

    public static AdminResponse text(int status, String text) {
      return new AdminResponse(status, "text/plain; charset=utf-8", text);
    }
  }

  /** A refusal: the status and a message for the caller. */
  public static final class AdminException extends Exception {
    private final int status;

    public AdminException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
