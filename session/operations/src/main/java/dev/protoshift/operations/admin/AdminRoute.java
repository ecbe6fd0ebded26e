package dev.protoshift.server.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One admin API endpoint: a method and path, and what it answers. Routes under {@code /admin/}
 * and {@code /metrics} need the bearer token; {@code /healthz} and {@code /readyz} do not.
 */
public record AdminRoute(String method, String path, Action action) {

  /** Computes the answer to one request. */
  @FunctionalInterface
  public interface Action {
    /**
     * @param request the request's body and query parameters
     * @throws AdminException for a refusal with an HTTP status and a message naming what was wrong
     */
    AdminResponse handle(AdminRequest request) throws AdminException;
  }

  /**
   * What a request carries.
   *
   * @param body the request body (UTF-8), empty if none
   * @param query the decoded query parameters, each with its values in order
   */
  public record AdminRequest(String body, Map<String, List<String>> query) {

    public AdminRequest {
      query = Map.copyOf(query);
    }

    /** A request with a body and no query. */
    public static AdminRequest of(String body) {
      return new AdminRequest(body, Map.of());
    }

    /**
     * The value of a query parameter given at most once.
     *
     * @throws AdminException (400) if it is given more than once
     */
    public Optional<String> parameter(String name) throws AdminException {
      List<String> values = query.getOrDefault(name, List.of());
      if (values.size() > 1) {
        throw new AdminException(400, "query parameter " + name + " given " + values.size() + " times; give it once");
      }
      return values.stream().findFirst();
    }

    /**
     * Refuses parameters other than {@code known}.
     *
     * @throws AdminException (400) naming the first unknown parameter and the known ones
     */
    public void onlyParameters(List<String> known) throws AdminException {
      for (String name : query.keySet()) {
        if (!known.contains(name)) {
          throw new AdminException(400, "unknown query parameter " + name + "; known: " + String.join(", ", known));
        }
      }
    }
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
