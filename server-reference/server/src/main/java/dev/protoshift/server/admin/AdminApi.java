package dev.protoshift.server.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.server.admin.AdminRoute.AdminException;
import dev.protoshift.server.admin.AdminRoute.AdminResponse;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionStats;
import dev.protoshift.session.Sessions;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import java.util.function.IntSupplier;
import dev.protoshift.versioning.rollout.ConfigSource;
import dev.protoshift.versioning.rollout.ConfigSourceHealth;
import dev.protoshift.versioning.rollout.InvalidConfigException;
import dev.protoshift.versioning.rollout.RolloutConfig;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin API's game routes (docs/operations.md): read and change the rollout config (same
 * validation as the file), the kill switch, a reload of the config file, and per-cohort stats.
 * A change re-decides every live connection within one tick.
 */
public final class AdminApi {

  /** Percentages are BigDecimals: kept exact and written plain ({@code 12.5}, {@code 100}, never {@code 1E+2}). */
  private static final ObjectMapper JSON = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private final RolloutConfigHolder rollout;
  private final Sessions<?> sessions;
  private final IntSupplier rooms;

  public AdminApi(RolloutConfigHolder rollout, Sessions<?> sessions, IntSupplier rooms) {
    this.rollout = rollout;
    this.sessions = sessions;
    this.rooms = rooms;
  }

  /** Every route. */
  public List<AdminRoute> routes() {
    return List.of(
        new AdminRoute("GET", "/admin/rollout", request -> rollout(rollout.current())),
        new AdminRoute("PUT", "/admin/rollout", request -> change(() -> rollout.setAdminOverrides(request.body()))),
        new AdminRoute("PATCH", "/admin/rollout", request -> change(() ->
            rollout.mergeAdminOverrides(RolloutOverrides.parseSection(request.body(), "admin")))),
        new AdminRoute("DELETE", "/admin/rollout", request -> change(() -> rollout.clearAdminOverrides())),
        new AdminRoute("POST", "/admin/kill-switch", request -> change(() ->
            rollout.mergeAdminOverrides(RolloutOverrides.builder().enabled(false).build()))),
        new AdminRoute("DELETE", "/admin/kill-switch", request -> change(this::releaseKillSwitch)),
        new AdminRoute("POST", "/admin/config/reload", request -> reload()),
        new AdminRoute("GET", "/admin/cohorts", request -> cohorts()));
  }

  private interface Change {
    RolloutConfig apply();
  }

  private AdminResponse change(Change change) throws AdminException {
    try {
      return rollout(change.apply());
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
      throw new AdminException(409, "no config file: the server was started without --config");
    }
    rollout.reloadFile();
    return rollout(rollout.current());
  }

  private AdminResponse rollout(RolloutConfig config) {
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
    node.put("connections", sessions.count());
    return AdminResponse.json(200, write(node));
  }

  /** A config source's health as the admin API and {@code /readyz} show it. */
  public static Map<String, Object> health(ConfigSourceHealth health) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("healthy", health.healthy());
    out.put("since", health.since().toString());
    health.problem().ifPresent(p -> out.put("problem", p));
    out.put("consecutive_failures", health.consecutiveFailures());
    return out;
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private AdminResponse cohorts() {
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
    node.put("rooms", rooms.getAsInt());
    return AdminResponse.json(200, node.toString());
  }
}
