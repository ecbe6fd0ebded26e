package dev.protoshift.operations.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protoshift.operations.internal.Percent;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The readiness report as text for a terminal, from its JSON ({@link ReadinessJson}, what {@code
 * GET /admin/readiness} answers): the verdict first, then why, then the tables. The reference
 * server's {@code readiness} subcommand prints this. Thread-safe.
 */
public final class ReadinessText {

  private ReadinessText() {}

  /**
   * Prints the report; the first line is {@code READY ...} or {@code NOT YET ...}. Missing fields
   * print as 0 or empty.
   *
   * @param report the report's JSON
   * @param out where to print; flushed at the end
   */
  public static void print(JsonNode report, PrintWriter out) {
    boolean ready = report.path("verdict").asText().equals("ready");
    out.println((ready ? "READY" : "NOT YET") + " over the last " + report.path("window").asText() + " (covered "
        + Percent.duration(Duration.ofMillis((long) (report.path("covered_seconds").asDouble() * 1000)))
        + "; at most " + Percent.format(report.path("max_json_share").asDouble()) + " JSON allowed)");
    if (ready) {
      out.println("  " + report.path("summary").asText());
    }
    list(out, "why not yet:", report.path("reasons"));
    list(out, "still on JSON:", report.path("notes"));
    JsonNode c = report.path("connections");
    JsonNode t = report.path("traffic");
    out.printf("connections: %s open on average, %s JSON%n", Percent.plain(c.path("average_open").asDouble()),
        Percent.format(c.path("json_share").asDouble()));
    out.printf("traffic:     %d bytes sent, %s JSON%n", t.path("bytes_sent").asLong(),
        Percent.format(t.path("json_share").asDouble()));
    out.printf("%-38s %12s %9s%n", "by reason", "connections", "traffic");
    for (JsonNode r : report.path("by_reason")) {
      out.printf("  %-9s %-26s %12s %9s%n", r.path("protocol").asText(), r.path("reason").asText(),
          Percent.format(r.path("connections_share").asDouble()), Percent.format(r.path("traffic_share").asDouble()));
    }
    out.printf("%-38s %12s %9s %8s%n", "client versions (oldest first)", "connections", "traffic", "on JSON");
    for (JsonNode v : report.path("client_versions")) {
      out.printf("  %-36s %12s %9s %8s%n", v.path("version").asText(),
          Percent.format(v.path("connections_share").asDouble()), Percent.format(v.path("traffic_share").asDouble()),
          Percent.format(v.path("json_share").asDouble()));
    }
    out.flush();
  }

  private static void list(PrintWriter out, String title, JsonNode items) {
    if (items.isArray() && !items.isEmpty()) {
      out.println(title);
      items.forEach(i -> out.println("  - " + i.asText()));
    }
  }
}
