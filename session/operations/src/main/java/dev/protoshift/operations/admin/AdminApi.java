package dev.protoshift.operations.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.admin.AdminRoute.AdminException;
import dev.protoshift.operations.admin.AdminRoute.AdminRequest;
import dev.protoshift.operations.admin.AdminRoute.AdminResponse;
import dev.protoshift.operations.ramp.RampController;
import dev.protoshift.operations.readiness.ReadinessJson;
import dev.protoshift.operations.readiness.ReadinessReport;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionStats;
import dev.protoshift.session.Sessions;
import dev.protoshift.versioning.rollout.ConfigSource;
import dev.protoshift.versioning.rollout.ConfigSourceHealth;
import dev.protoshift.versioning.rollout.Durations;
import dev.protoshift.versioning.rollout.InvalidConfigException;
import dev.protoshift.versioning.rollout.RolloutConfig;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * protoshift's admin HTTP API without an HTTP server: the game server's own HTTP stack (Jetty,
 * Netty, the JDK's {@code HttpServer}, …) hands each request to {@link #handle} and writes the
 * {@link AdminResponse} back. The routes and their answers are those of docs/operations.md:
 *
 * <ul>
 *   <li>without a token: {@code GET /healthz} (200 while the process is up) and {@code GET
 *       /readyz} (200 or 503 from {@link Builder#ready}; with a rollout config holder it also
 *       shows the config file's health, which does not change the status);
 *   <li>with {@code Authorization: Bearer TOKEN} — {@link Builder#rollout}: {@code GET|PUT|PATCH|DELETE
 *       /admin/rollout}, {@code POST|DELETE /admin/kill-switch} and {@code POST /admin/config/reload};
 *       {@link Builder#sessions}: {@code GET /admin/cohorts}; {@link Builder#readiness}: {@code GET
 *       /admin/readiness?window=1h&max_json_percent=0.1}; {@link Builder#ramp}: {@code GET
 *       /admin/ramp}, {@code POST /admin/ramp/pause|resume}; {@link Builder#metrics}: {@code GET
 *       /metrics}; and any {@link Builder#route extra route}.
 * </ul>
 *
 * <p>Without a valid token every path but the two health checks answers 401 alike, known or
 * not (no route discovery), and no body is read. Two {@code Authorization} headers are refused
 * with 400. A refused request names what was wrong in a JSON body {@code {"error": "...",
 * "message": "..."}}; a route that fails unexpectedly answers 500 and is logged.
 *
 * <p>Thread-safe: {@link #handle} may be called from any number of threads at once.
 */
public final class AdminApi {

  private static final System.Logger LOG = System.getLogger(AdminApi.class.getName());

  /** Largest request body accepted, in bytes (a rollout config is far smaller); larger is 413. */
  public static final int MAX_BODY = 64 * 1024;
  /** The readiness report's window when none is asked for (or the windows' retention, if shorter). */
  public static final Duration DEFAULT_READINESS_WINDOW = Duration.ofHours(1);
  /** The JSON share the readiness report allows when none is asked for: 0.1%. */
  public static final BigDecimal DEFAULT_MAX_JSON_PERCENT = new BigDecimal("0.1");
  /** The content type of Prometheus' text exposition format, for {@code GET /metrics}. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** Percentages are BigDecimals: kept exact and written plain ({@code 12.5}, {@code 100}, never {@code 1E+2}). */
  private static final ObjectMapper JSON = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  /**
   * One HTTP request as the transport received it.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the request path without the query, e.g. {@code /admin/rollout}
   * @param rawQuery the query string as sent (percent-encoded, without {@code ?}), or {@code null}
   * @param authorization every {@code Authorization} header's value, in order (empty if none)
   * @param body reads the body; called only for an authorized request to a known route
   */
  public record Request(String method, String path, String rawQuery, List<String> authorization, Body body) {

    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      authorization = List.copyOf(authorization);
      Objects.requireNonNull(body, "body");
    }
  }

  /** The request body, read on demand. */
  @FunctionalInterface
  public interface Body {

    /** No body. */
    Body EMPTY = limit -> new byte[0];

    /**
     * Reads the body, but never more than {@code limit} bytes: the transport stops there, so a
     * huge body costs no more memory than the limit.
     *
     * @throws IOException if the body cannot be read (the request is answered with 500)
     */
    byte[] read(int limit) throws IOException;

    /** A body given as text (UTF-8). */
    static Body of(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return limit -> bytes.length <= limit ? bytes : java.util.Arrays.copyOf(bytes, limit);
    }
  }

  private final AdminToken token;
  private final BooleanSupplier ready;
  private final RolloutConfigHolder rollout;
  private final Map<String, Map<String, AdminRoute>> routes;

  private AdminApi(Builder b) {
    this.token = b.token;
    this.ready = b.ready;
    this.rollout = b.rollout;
    List<AdminRoute> all = new ArrayList<>();
    if (b.metrics != null) {
      Supplier<String> scrape = b.metrics;
      all.add(new AdminRoute("GET", "/metrics", request -> new AdminResponse(200, PROMETHEUS_TEXT, scrape.get())));
    }
    if (b.rollout != null) {
      all.addAll(new RolloutRoutes(b.rollout, b.sessions).routes());
    }
    if (b.sessions != null) {
      Sessions<?> sessions = b.sessions;
      Map<String, LongSupplier> stats = Map.copyOf(b.cohortStats);
      all.add(new AdminRoute("GET", "/admin/cohorts", request -> cohorts(sessions, stats)));
    }
    if (b.windows != null) {
      ConnectionWindows windows = b.windows;
      RolloutConfigHolder holder = b.rollout;
      all.add(new AdminRoute("GET", "/admin/readiness", request -> readiness(request, windows, holder)));
    }
    if (b.ramp != null) {
      all.addAll(rampRoutes(b.ramp));
    }
    all.addAll(b.extra);
    Map<String, Map<String, AdminRoute>> byPath = new LinkedHashMap<>();
    for (AdminRoute r : all) {
      if (r.path().equals("/healthz") || r.path().equals("/readyz")) {
        throw new IllegalArgumentException(r.path() + " is built in; it cannot be a route");
      }
      AdminRoute before = byPath.computeIfAbsent(r.path(), p -> new LinkedHashMap<>()).put(r.method(), r);
      if (before != null) {
        throw new IllegalArgumentException("two routes for " + r.method() + " " + r.path());
      }
    }
    this.routes = Map.copyOf(byPath.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
  }

  /**
   * An admin API whose routes need {@code token}; add what it serves with the builder's methods.
   *
   * @throws NullPointerException if {@code token} is null
   */
  public static Builder builder(AdminToken token) {
    return new Builder(token);
  }

  /**
   * Answers one request. Never throws: a refusal is 4xx naming what was wrong, a route that fails
   * (or a body that cannot be read) is 500, logged with its stack trace. Every answer should be
   * written with {@code Cache-Control: no-store}.
   */
  public AdminResponse handle(Request request) {
    String path = request.path();
    String method = request.method();
    try {
      if (path.equals("/healthz")) {
        return AdminResponse.json(200, "{\"status\":\"up\"}");
      }
      if (path.equals("/readyz")) {
        boolean r = ready.getAsBoolean();
        ObjectNode node = JSON.createObjectNode();
        node.put("status", r ? "ready" : "not_ready");
        if (rollout != null) {
          rollout.fileHealth().ifPresent(h -> node.set("config_file", JSON.valueToTree(health(h))));
        }
        return AdminResponse.json(r ? 200 : 503, node.toString());
      }
      // Every other path needs the token first: without it, a known route and an unknown one
      // answer alike (no route discovery), and no body is read.
      if (request.authorization().size() > 1) {
        return error(400, "more than one Authorization header; send one");
      }
      if (!authorized(request.authorization().isEmpty() ? null : request.authorization().get(0))) {
        return error(401, "missing or wrong bearer token")
            .withHeader("WWW-Authenticate", "Bearer realm=\"protoshift-admin\"");
      }
      Map<String, AdminRoute> byMethod = routes.get(path);
      if (byMethod == null) {
        return error(404, "no admin endpoint " + path);
      }
      AdminRoute route = byMethod.get(method);
      if (route == null) {
        List<String> allowed = byMethod.keySet().stream().sorted().toList();
        return error(405, method + " not allowed on " + path + "; allowed: " + allowed)
            .withHeader("Allow", String.join(", ", allowed));
      }
      Map<String, List<String>> query = query(request.rawQuery());
      byte[] body = request.body().read(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        return error(413, "request body must be at most " + MAX_BODY + " bytes");
      }
      return route.action().handle(new AdminRequest(new String(body, StandardCharsets.UTF_8), query));
    } catch (AdminException e) {
      return error(e.status(), e.getMessage());
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.ERROR, "admin " + method + " " + path + " failed", e);
      return error(500, "internal error: " + e);
    }
  }

  /**
   * A config source's health as {@code /readyz} and {@code GET /admin/rollout} show it:
   * {@code healthy}, {@code since}, {@code problem} (if any), {@code consecutive_failures}.
   */
  public static Map<String, Object> health(ConfigSourceHealth health) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("healthy", health.healthy());
    out.put("since", health.since().toString());
    health.problem().ifPresent(p -> out.put("problem", p));
    out.put("consecutive_failures", health.consecutiveFailures());
    return out;
  }

  /** An error answer: {@code {"error": "<reason phrase>", "message": "<message>"}}. */
  public static AdminResponse error(int status, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", reasonPhrase(status));
    node.put("message", message);
    return AdminResponse.json(status, node.toString());
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return token.matches(header.substring(7).strip());
  }

  /** Decodes an {@code application/x-www-form-urlencoded} query string; 400 naming a bad part. */
  static Map<String, List<String>> query(String raw) throws AdminException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        throw new AdminException(400, "cannot read the query string at \"" + part + "\": " + e.getMessage());
      }
    }
    return out;
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Server Error" : "Client Error";
    };
  }

  private static AdminResponse cohorts(Sessions<?> sessions, Map<String, LongSupplier> extra) {
    Map<String, long[]> stats = new TreeMap<>();
    for (Session c : sessions.sessions()) {
      long[] s = stats.computeIfAbsent(c.cohort().label(), k -> new long[4]);
      SessionStats q = c.stats();
      s[0]++;
      s[1] += q.framesSent();
      s[2] += q.bytesSent();
      s[3] += q.statesDropped();
    }
    ObjectNode node = JSON.createObjectNode();
    ArrayNode list = node.putArray("cohorts");
    stats.forEach((label, s) -> {
      ObjectNode c = list.addObject();
      c.put("cohort", label);
      c.put("connections", s[0]);
      c.put("frames_sent", s[1]);
      c.put("bytes_sent", s[2]);
      c.put("updates_dropped", s[3]);
    });
    node.put("connections", sessions.count());
    new TreeMap<>(extra).forEach((name, value) -> node.put(name, value.getAsLong()));
    return AdminResponse.json(200, node.toString());
  }

  private static AdminResponse readiness(AdminRequest request, ConnectionWindows windows, RolloutConfigHolder rollout)
      throws AdminException {
    request.onlyParameters(List.of("window", "max_json_percent"));
    Duration retention = Duration.ofMillis(windows.retentionMillis());
    Duration window = DEFAULT_READINESS_WINDOW.compareTo(retention) > 0 ? retention : DEFAULT_READINESS_WINDOW;
    Optional<String> windowText = request.parameter("window");
    if (windowText.isPresent()) {
      window = Durations.parse(windowText.get()).filter(d -> !d.isZero()).orElseThrow(() -> new AdminException(400,
          "window must be a duration such as 1h, 30m or PT1H, was \"" + windowText.get() + "\""));
    }
    BigDecimal max = DEFAULT_MAX_JSON_PERCENT;
    Optional<String> maxText = request.parameter("max_json_percent");
    if (maxText.isPresent()) {
      max = percent(maxText.get()).orElseThrow(() -> new AdminException(400,
          "max_json_percent must be a number 0..100 such as 0.1, was \"" + maxText.get() + "\""));
    }
    ReadinessReport report;
    try {
      report = ReadinessReport.of(windows, window, max.doubleValue() / 100);
    } catch (IllegalArgumentException e) {
      throw new AdminException(400, e.getMessage());
    }
    Map<String, Object> config = rollout == null ? Map.of() : rollout.current().toMap();
    return AdminResponse.json(200, ReadinessJson.write(report, config).toString());
  }

  private static Optional<BigDecimal> percent(String text) {
    try {
      BigDecimal p = new BigDecimal(text.strip());
      return p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 ? Optional.empty() : Optional.of(p);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<AdminRoute> rampRoutes(RampController ramp) {
    AdminRoute.Action view = request -> AdminResponse.json(200, ramp.view().toJson().toString());
    return List.of(
        new AdminRoute("GET", "/admin/ramp", view),
        new AdminRoute("POST", "/admin/ramp/pause", request -> {
          rampOperation(ramp::pause);
          return view.handle(request);
        }),
        new AdminRoute("POST", "/admin/ramp/resume", request -> {
          rampOperation(ramp::resume);
          return view.handle(request);
        }));
  }

  private interface RampOperation {
    void run() throws IOException;
  }

  private static void rampOperation(RampOperation operation) throws AdminException {
    try {
      operation.run();
    } catch (IllegalStateException e) {
      throw new AdminException(409, e.getMessage());
    } catch (IOException e) {
      throw new AdminException(503, "the ramp's shared state cannot be used: " + e.getMessage());
    }
  }

  /** The rollout routes: read and change the config (same validation as the file), kill switch, reload. */
  private record RolloutRoutes(RolloutConfigHolder rollout, Sessions<?> sessions) {

    List<AdminRoute> routes() {
      return List.of(
          new AdminRoute("GET", "/admin/rollout", request -> answer(rollout.current())),
          new AdminRoute("PUT", "/admin/rollout", request -> change(() -> rollout.setAdminOverrides(request.body()))),
          new AdminRoute("PATCH", "/admin/rollout", request -> change(() ->
              rollout.mergeAdminOverrides(RolloutOverrides.parseSection(request.body(), "admin")))),
          new AdminRoute("DELETE", "/admin/rollout", request -> change(rollout::clearAdminOverrides)),
          new AdminRoute("POST", "/admin/kill-switch", request -> change(() ->
              rollout.mergeAdminOverrides(RolloutOverrides.builder().enabled(false).build()))),
          new AdminRoute("DELETE", "/admin/kill-switch", request -> change(this::releaseKillSwitch)),
          new AdminRoute("POST", "/admin/config/reload", request -> reload()));
    }

    private interface Change {
      RolloutConfig apply();
    }

    private AdminResponse change(Change change) throws AdminException {
      try {
        return answer(change.apply());
      } catch (InvalidConfigException e) {
        throw new AdminException(400, e.getMessage());
      }
    }

    /** Removes only the admin layer's {@code enabled}, so the file or environment decides again. */
    private RolloutConfig releaseKillSwitch() {
      Map<String, Object> admin = new LinkedHashMap<>(rollout.layer(ConfigSource.ADMIN).toMap());
      admin.remove("enabled");
      return rollout.setAdminOverrides(RolloutOverrides.fromMap(admin, "admin"));
    }

    private AdminResponse reload() throws AdminException {
      if (rollout.file().isEmpty()) {
        throw new AdminException(409, "no config file: the server was started without one");
      }
      rollout.reloadFile();
      return answer(rollout.current());
    }

    private AdminResponse answer(RolloutConfig config) {
      ObjectNode node = JSON.createObjectNode();
      node.set("config", JSON.valueToTree(config.toMap()));
      ObjectNode layers = node.putObject("layers");
      for (ConfigSource source : ConfigSource.values()) {
        RolloutOverrides layer = rollout.layer(source);
        if (!layer.isEmpty()) {
          layers.set(source.code(), JSON.valueToTree(layer.toMap()));
        }
      }
      rollout.file().ifPresent(f -> node.put("file", f.toAbsolutePath().toString()));
      rollout.fileHealth().ifPresent(h -> node.set("file_health", JSON.valueToTree(health(h))));
      if (sessions != null) {
        node.put("connections", sessions.count());
      }
      try {
        return AdminResponse.json(200, JSON.writeValueAsString(node));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a JSON tree", e);
      }
    }
  }

  /** What an {@link AdminApi} serves. Not thread-safe; build once. */
  public static final class Builder {

    private final AdminToken token;
    private BooleanSupplier ready = () -> true;
    private RolloutConfigHolder rollout;
    private Sessions<?> sessions;
    private final Map<String, LongSupplier> cohortStats = new LinkedHashMap<>();
    private ConnectionWindows windows;
    private RampController ramp;
    private Supplier<String> metrics;
    private final List<AdminRoute> extra = new ArrayList<>();

    private Builder(AdminToken token) {
      this.token = Objects.requireNonNull(token, "token");
    }

    /** What {@code /readyz} answers: 200 while true, 503 while false (e.g. starting or draining). Default: always ready. */
    public Builder ready(BooleanSupplier ready) {
      this.ready = Objects.requireNonNull(ready, "ready");
      return this;
    }

    /** Serves the rollout routes and shows the config file's health in {@code /readyz}. */
    public Builder rollout(RolloutConfigHolder rollout) {
      this.rollout = Objects.requireNonNull(rollout, "rollout");
      return this;
    }

    /** Serves {@code GET /admin/cohorts} (connections and traffic per cohort) from the live sessions. */
    public Builder sessions(Sessions<?> sessions) {
      this.sessions = Objects.requireNonNull(sessions, "sessions");
      return this;
    }

    /**
     * Adds a number of the game's own to {@code GET /admin/cohorts}, e.g. {@code ("rooms",
     * rooms::count)}.
     */
    public Builder cohortStat(String name, LongSupplier value) {
      cohortStats.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Serves {@code GET /admin/readiness}, the "can we remove JSON yet?" report over these windows. */
    public Builder readiness(ConnectionWindows windows) {
      this.windows = Objects.requireNonNull(windows, "windows");
      return this;
    }

    /** Serves the guarded ramp's routes. */
    public Builder ramp(RampController ramp) {
      this.ramp = Objects.requireNonNull(ramp, "ramp");
      return this;
    }

    /**
     * Serves {@code GET /metrics} (behind the token) with what {@code scrape} returns, in
     * Prometheus' text format, e.g. {@code registry::scrape} of a {@code PrometheusMeterRegistry}.
     */
    public Builder metrics(Supplier<String> scrape) {
      this.metrics = Objects.requireNonNull(scrape, "scrape");
      return this;
    }

    /** Adds a route of the game's own, behind the same token. */
    public Builder route(AdminRoute route) {
      extra.add(Objects.requireNonNull(route, "route"));
      return this;
    }

    /**
     * @throws IllegalArgumentException if two routes have the same method and path, or a route
     *     claims {@code /healthz} or {@code /readyz}
     */
    public AdminApi build() {
      return new AdminApi(this);
    }
  }
}
