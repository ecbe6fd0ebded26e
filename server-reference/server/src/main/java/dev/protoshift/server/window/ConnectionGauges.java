package dev.protoshift.server.window;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes each sample's open connections as two gauges: {@code
 * protoshift_ws_connections_by_reason{protocol, reason}} and {@code
 * protoshift_ws_connections_by_client_version{client_version}} (client versions capped by {@link
 * VersionLabels}). A series once seen stays, at 0 when no connection has it. Thread-safe.
 */
public final class ConnectionGauges {

  /** Publishes nothing. */
  public static final ConnectionGauges NONE = new ConnectionGauges(null);

  private final MeterRegistry registry;
  private final Map<Tags, AtomicLong> byReason = new ConcurrentHashMap<>();
  private final Map<Tags, AtomicLong> byVersion = new ConcurrentHashMap<>();

  public ConnectionGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Sets the gauges to one sample's open connections per key. */
  public void publish(Map<ConnectionKey, Integer> open) {
    if (registry == null) {
      return;
    }
    Map<Tags, Long> reasons = new HashMap<>();
    Map<Tags, Long> versions = new HashMap<>();
    open.forEach((k, n) -> {
      reasons.merge(Tags.of("protocol", k.protocol(), "reason", k.reason()), (long) n, Long::sum);
      versions.merge(Tags.of("client_version", k.clientVersion()), (long) n, Long::sum);
    });
    set(byReason, reasons, "protoshift.ws.connections.by.reason",
        "Open connections by protocol and the reason they have it (sampled)");
    set(byVersion, versions, "protoshift.ws.connections.by.client.version",
        "Open connections by the client version they declared, none for none (sampled; at most 64 versions, then other)");
  }

  private void set(Map<Tags, AtomicLong> gauges, Map<Tags, Long> values, String name, String description) {
    values.forEach((tags, n) -> gauges.computeIfAbsent(tags, t -> {
      AtomicLong v = new AtomicLong();
      Gauge.builder(name, v, AtomicLong::get).description(description).tags(t).register(registry);
      return v;
    }).set(n));
    gauges.forEach((tags, v) -> {
      if (!values.containsKey(tags)) {
        v.set(0);
      }
    });
  }
}
