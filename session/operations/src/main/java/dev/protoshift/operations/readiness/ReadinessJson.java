package dev.protoshift.operations.readiness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.operations.internal.Percent;
import java.util.Map;

/**
 * The readiness report as JSON, the form {@code GET /admin/readiness} answers with
 * (docs/operations.md, "Readiness report"): the verdict ({@code ready} or {@code not_yet}), its
 * reasons, the shares (fractions 0..1, unrounded) by reason and by client version, and the rollout
 * config in force. Thread-safe.
 */
public final class ReadinessJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReadinessJson() {}

  /**
   * The report as JSON.
   *
   * @param r the report
   * @param rollout the rollout config in force ({@code RolloutConfigHolder.current().toMap()})
   * @return a new node the caller owns
   * @throws IllegalArgumentException if {@code rollout} holds a value Jackson cannot write
   */
  public static ObjectNode write(ReadinessReport r, Map<String, Object> rollout) {
    ObjectNode n = JSON.createObjectNode();
    n.put("verdict", r.ready() ? "ready" : "not_yet");
    n.put("summary", r.summary());
    r.reasons().forEach(n.putArray("reasons")::add);
    r.notes().forEach(n.putArray("notes")::add);
    n.put("at", r.at().toString());
    n.put("window", Percent.duration(r.window()));
    n.put("window_seconds", r.window().toMillis() / 1000.0);
    n.put("covered_seconds", r.covered().toMillis() / 1000.0);
    n.put("max_json_share", r.maxJsonShare());
    ObjectNode c = n.putObject("connections");
    c.put("average_open", r.averageOpen());
    c.put("json_share", r.jsonConnectionShare());
    ObjectNode t = n.putObject("traffic");
    t.put("bytes_sent", r.bytesSent());
    t.put("json_share", r.jsonTrafficShare());
    ArrayNode reasons = n.putArray("by_reason");
    for (ReadinessReport.ReasonShare s : r.byReason()) {
      ObjectNode o = reasons.addObject();
      o.put("protocol", s.protocol());
      o.put("reason", s.reason());
      o.put("category", s.category().code());
      o.put("connections_share", s.connections());
      o.put("traffic_share", s.traffic());
    }
    ArrayNode versions = n.putArray("client_versions");
    for (ReadinessReport.VersionShare v : r.clientVersions()) {
      ObjectNode o = versions.addObject();
      o.put("version", v.version());
      o.put("connections_share", v.connections());
      o.put("traffic_share", v.traffic());
      o.put("json_share", v.json());
    }
    n.set("rollout", JSON.valueToTree(rollout));
    return n;
  }
}
