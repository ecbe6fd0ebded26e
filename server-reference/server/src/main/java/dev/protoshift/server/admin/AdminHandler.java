package dev.protoshift.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The admin HTTP API: {@code GET /healthz} (the process is up), {@code GET /readyz} (it takes
 * game connections; 503 while starting or draining), and the routes it is given (metrics,
 * rollout config, kill switch, cohort stats), which need {@code Authorization: Bearer TOKEN}.
 */
public final class AdminHandler extends Handler.Abstract {

  private static final System.Logger LOG = System.getLogger(AdminHandler.class.getName());

  /** Largest request body accepted (a rollout config is far smaller). */
  public static final int MAX_BODY = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdminToken token;
  private final BooleanSupplier ready;
  private final Supplier<Map<String, ?>> readinessDetails;
  private final Map<String, Map<String, AdminRoute>> routes;

  public AdminHandler(AdminToken token, BooleanSupplier ready, List<AdminRoute> routes) {
    this(token, ready, Map::of, routes);
  }

  /**
   * @param readinessDetails what {@code /readyz} shows besides its status, e.g. the config
   *     file's health; it does not change the status
   */
  public AdminHandler(AdminToken token, BooleanSupplier ready, Supplier<Map<String, ?>> readinessDetails,
      List<AdminRoute> routes) {
    this.token = token;
    this.ready = ready;
    this.readinessDetails = readinessDetails;
    this.routes = routes.stream().collect(Collectors.groupingBy(AdminRoute::path,
        Collectors.toMap(AdminRoute::method, r -> r)));
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    try {
      if (path.equals("/healthz")) {
        write(response, callback, AdminRoute.AdminResponse.json(200, "{\"status\":\"up\"}"));
        return true;
      }
      if (path.equals("/readyz")) {
        boolean r = ready.getAsBoolean();
        ObjectNode node = JSON.createObjectNode();
        node.put("status", r ? "ready" : "not_ready");
        readinessDetails.get().forEach((key, value) -> node.set(key, JSON.valueToTree(value)));
        write(response, callback, AdminRoute.AdminResponse.json(r ? 200 : 503, node.toString()));
        return true;
      }
      // Every other path needs the token first: without it, a known route and an unknown one
      // answer alike (no route discovery), and no body is read.
      List<String> authorizations = request.getHeaders().getValuesList(HttpHeader.AUTHORIZATION);
      if (authorizations.size() > 1) {
        write(response, callback, error(400, "more than one Authorization header; send one"));
        return true;
      }
      if (!authorized(authorizations.isEmpty() ? null : authorizations.get(0))) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"protoshift-admin\"");
        write(response, callback, error(401, "missing or wrong bearer token"));
        return true;
      }
      Map<String, AdminRoute> byMethod = routes.get(path);
      if (byMethod == null) {
        write(response, callback, error(404, "no admin endpoint " + path));
        return true;
      }
      AdminRoute route = byMethod.get(method);
      if (route == null) {
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", byMethod.keySet()));
        write(response, callback, error(405, method + " not allowed on " + path + "; allowed: " + byMethod.keySet()));
        return true;
      }
      String body = readBody(request);
      write(response, callback, route.action().handle(new AdminRoute.AdminRequest(body, query(request))));
    } catch (AdminRoute.AdminException e) {
      write(response, callback, error(e.status(), e.getMessage()));
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.ERROR, "admin " + method + " " + path + " failed", e);
      write(response, callback, error(500, "internal error: " + e));
    }
    return true;
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return token.matches(header.substring(7).strip());
  }

  private static Map<String, List<String>> query(Request request) throws AdminRoute.AdminException {
    try {
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (Fields.Field f : Request.extractQueryParameters(request)) {
        out.put(f.getName(), f.getValues());
      }
      return out;
    } catch (RuntimeException e) {
      throw new AdminRoute.AdminException(400, "cannot read the query string: " + e.getMessage());
    }
  }

  private static String readBody(Request request) throws IOException, AdminRoute.AdminException {
    long declared = request.getLength();
    if (declared > MAX_BODY) {
      throw new AdminRoute.AdminException(HttpStatus.PAYLOAD_TOO_LARGE_413,
          "request body must be at most " + MAX_BODY + " bytes, was " + declared);
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new AdminRoute.AdminException(HttpStatus.PAYLOAD_TOO_LARGE_413,
            "request body must be at most " + MAX_BODY + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static AdminRoute.AdminResponse error(int status, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", HttpStatus.getMessage(status));
    node.put("message", message);
    return AdminRoute.AdminResponse.json(status, node.toString());
  }

  private static void write(Response response, Callback callback, AdminRoute.AdminResponse answer) {
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Content.Sink.write(response, true, answer.body(), callback);
  }
}
