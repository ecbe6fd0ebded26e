package dev.protoshift.session.micrometer;

import dev.protoshift.operations.ConnectionKey;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Publishes each sample of a {@code ConnectionWindows} (protoshift-operations) as two gauges:
 * {@code protoshift_ws_connections_by_reason{protocol, reason}} and {@code
 * protoshift_ws_connections_by_client_version{client_version}} (client versions are capped at 64
 * by the windows, then {@code other}). A series once seen stays, at 0 when no connection has it.
 * Needs {@code protoshift-operations} on the class path (an optional dependency of this module).
 * Thread-safe.
 *
 * <pre>{@code
 * new ConnectionWindows(WindowSettings.DEFAULTS, System::currentTimeMillis, new ConnectionGauges(registry));
 * }</pre>
 */
public final class ConnectionGauges implements Consumer<Map<ConnectionKey, Integer>> {

  private final MeterRegistry registry;
  private final Map<Tags, AtomicLong> byReason = new ConcurrentHashMap<>();
  private final Map<Tags, AtomicLong> byVersion = new ConcurrentHashMap<>();

  /**
   * Gauges on {@code registry}, registered at the first sample that has their series.
   *
   * @throws NullPointerException if {@code registry} is null
   */
  public ConnectionGauges(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Sets the gauges to one sample's open connections per key.
   *
   * @param open the open connections per key
   */
  @Override
  public void accept(Map<ConnectionKey, Integer> open) {
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
