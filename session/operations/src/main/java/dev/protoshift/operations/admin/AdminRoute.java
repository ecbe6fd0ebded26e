package dev.protoshift.operations.admin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One admin API endpoint: a method and path, and what it answers. {@link AdminApi} routes requests
 * to the routes it has built in and to the ones it is given; every route needs the bearer token
 * ({@code /healthz} and {@code /readyz}, which are not routes, do not). Immutable.
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

  /**
   * An answer: status, content type, body, and headers besides the content type (e.g. {@code
   * WWW-Authenticate}, {@code Allow}). The transport writes all of them as they are.
   */
  public record AdminResponse(int status, String contentType, String body, Map<String, String> headers) {

    public AdminResponse {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }

    /** An answer with no headers besides its content type. */
    public AdminResponse(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }

    public static AdminResponse json(int status, String json) {
      return new AdminResponse(status, "application/json", json);
    }

    public static AdminResponse text(int status, String text) {
      return new AdminResponse(status, "text/plain; charset=utf-8", text);
    }

    /** This answer with one more header. */
    public AdminResponse withHeader(String name, String value) {
      Map<String, String> h = new java.util.LinkedHashMap<>(headers);
      h.put(name, value);
      return new AdminResponse(status, contentType, body, h);
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
