package dev.protoshift.session.micrometer;

import dev.protoshift.versioning.rollout.ConfigSource;
import dev.protoshift.versioning.rollout.ConfigSourceHealth;
import dev.protoshift.session.SessionMetrics;
import dev.protoshift.versioning.rollout.ConfigChange;
import dev.protoshift.versioning.rollout.ConfigListener;
import dev.protoshift.versioning.rollout.ConfigRejection;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * protoshift's metrics on Micrometer, with the names and tags of docs/metrics.md (so the
 * dashboard and the alert rules in {@code monitoring/} work for any server on protoshift): the
 * session library's {@link SessionMetrics}, the rollout config's changes and health ({@link
 * #bindRollout}), and a room's tick time and count for the game to record.
 *
 * <pre>{@code
 * MicrometerSessionMetrics metrics = MicrometerSessionMetrics.on(prometheusRegistry);
 * metrics.bindRollout(rolloutConfigHolder);
 * Sessions<...> sessions = Sessions.builder(...).metrics(metrics).build();
 * }</pre>
 *
 * <p>Every timer and size summary publishes a percentile histogram (Prometheus {@code _bucket}),
 * none client-side percentiles (one Micrometer meter cannot do both). Thread-safe.
 */
public final class MicrometerSessionMetrics implements SessionMetrics, AutoCloseable {

  private final MeterRegistry registry;
  private static final boolean PROMETHEUS_PRESENT = prometheusPresent();

  /** The registry's Prometheus exposition, or null if it is not a Prometheus registry. */
  private final Supplier<String> prometheus;
  private final JvmGcMetrics gcMetrics;
  private final Map<Tags, DistributionSummary> sizes = new ConcurrentHashMap<>();
  private final Map<Tags, Timer> encodeTimers = new ConcurrentHashMap<>();
  private final Map<Tags, Timer> decodeTimers = new ConcurrentHashMap<>();
  private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Tags, AtomicLong> connectionGauges = new ConcurrentHashMap<>();
  private final Timer tickTimer;

  private MicrometerSessionMetrics(MeterRegistry registry, Supplier<String> prometheus, boolean jvm) {
    this.registry = registry;
    this.prometheus = prometheus;
    if (jvm) {
      new ClassLoaderMetrics().bindTo(registry);
      new JvmMemoryMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
      gcMetrics = new JvmGcMetrics();
      gcMetrics.bindTo(registry);
    } else {
      gcMetrics = null;
    }
    tickTimer = Timer.builder("protoshift.room.tick")
        .description("Time one room tick takes: apply inputs, step the game, encode and enqueue for every cohort")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(1))
        .register(registry);
  }

  /**
   * Metrics on a Prometheus registry, with the JVM's own (memory, GC, threads, CPU, uptime).
   *
   * @throws IllegalStateException if {@code io.micrometer:micrometer-registry-prometheus} is not
   *     on the class path (it is an optional dependency of this module)
   */
  public static MicrometerSessionMetrics prometheus() {
    if (!PROMETHEUS_PRESENT) {
      throw new IllegalStateException("MicrometerSessionMetrics.prometheus() needs "
          + "io.micrometer:micrometer-registry-prometheus on the class path; add it, or use on(yourRegistry)");
    }
    MeterRegistry registry = PrometheusSupport.newRegistry();
    return new MicrometerSessionMetrics(registry, PrometheusSupport.scraper(registry), true);
  }

  /**
   * Metrics on a registry of the caller's choice (any Micrometer registry; the Prometheus one is
   * not needed on the class path), without the JVM binders (for tests, embedding).
   */
  public static MicrometerSessionMetrics on(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    return new MicrometerSessionMetrics(registry, PROMETHEUS_PRESENT ? PrometheusSupport.scraper(registry) : null,
        false);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The Prometheus text exposition (format 0.0.4).
   *
   * @throws IllegalStateException if the registry is not a Prometheus registry
   */
  public String scrape() {
    if (prometheus == null) {
      throw new IllegalStateException("metrics are not on a Prometheus registry");
    }
    return prometheus.get();
  }

  /** Size of one WebSocket message sent or received. {@code protoshift_ws_message_size_bytes}. */
  @Override
  public void messageSize(String protocol, String version, String type, Direction direction, int bytes) {
    Tags tags = Tags.of("protocol", protocol, "version", version, "type", type, "direction", direction.tag());
    sizes.computeIfAbsent(tags, t -> DistributionSummary.builder("protoshift.ws.message.size")
        .description("Size of one WebSocket message")
        .baseUnit("bytes")
        .tags(t)
        .publishPercentileHistogram()
        .minimumExpectedValue(16.0)
        .maximumExpectedValue(1_048_576.0)
        .register(registry)).record(bytes);
    count("protoshift.ws." + (direction == Direction.OUT ? "sent" : "received"),
        direction == Direction.OUT ? "Bytes sent in WebSocket messages" : "Bytes received in WebSocket messages",
        "bytes", Tags.of("protocol", protocol, "version", version), bytes);
  }

  /** One encode of a message for a cohort. {@code protoshift_encode_seconds}. */
  @Override
  public void encoded(String protocol, String version, String type, long nanos) {
    timer(encodeTimers, "protoshift.encode", "Time to convert and encode one message for a cohort",
        Tags.of("protocol", protocol, "version", version, "type", type)).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One decode of an inbound message. {@code protoshift_decode_seconds}. */
  @Override
  public void decoded(String protocol, String version, String type, long nanos) {
    timer(decodeTimers, "protoshift.decode", "Time to decode and convert one inbound message",
        Tags.of("protocol", protocol, "version", version, "type", type)).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** An inbound message that failed to decode. {@code protoshift_decode_errors_total}. */
  @Override
  public void decodeError(String protocol, String version, String reason) {
    count("protoshift.decode.errors", "Inbound messages that failed to decode", null,
        Tags.of("protocol", protocol, "version", version, "reason", reason), 1);
  }

  /** A connection joined a (protocol, version) group. {@code protoshift_ws_connections}. */
  @Override
  public void connectionEntered(String protocol, String version) {
    connectionGauge(protocol, version).incrementAndGet();
  }

  /** A connection left a (protocol, version) group (closed, or switched protocol). */
  @Override
  public void connectionLeft(String protocol, String version) {
    connectionGauge(protocol, version).decrementAndGet();
  }

  /** A WebSocket session opened. {@code protoshift_ws_connections_opened_total}. */
  @Override
  public void connectionOpened() {
    count("protoshift.ws.connections.opened", "WebSocket sessions opened", null, Tags.empty(), 1);
  }

  /** A WebSocket session closed with a code. {@code protoshift_ws_connections_closed_total}. */
  @Override
  public void connectionClosed(int code) {
    count("protoshift.ws.connections.closed", "WebSocket sessions closed, by close code", null,
        Tags.of("code", Integer.toString(code)), 1);
  }

  /** An upgrade request refused before a session existed. {@code protoshift_ws_upgrades_rejected_total}. */
  public void upgradeRejected(String reason) {
    count("protoshift.ws.upgrades.rejected", "WebSocket upgrade requests refused", null, Tags.of("reason", reason), 1);
  }

  /** A rollout decision. {@code protoshift_rollout_decisions_total}. */
  @Override
  public void decision(String protocol, String reason) {
    count("protoshift.rollout.decisions", "Rollout decisions, by protocol chosen and reason", null,
        Tags.of("protocol", protocol, "reason", reason), 1);
  }

  /** A live connection changed protocol. {@code protoshift_protocol_switches_total}. */
  @Override
  public void switched(String from, String to, String reason) {
    count("protoshift.protocol.switches", "Live connections switched from one protocol to the other", null,
        Tags.of("from", from, "to", to, "reason", reason), 1);
  }

  /** A state update dropped because a newer one replaced it in a slow connection's queue. */
  @Override
  public void updateDropped(String protocol, String version) {
    count("protoshift.updates.dropped", "State updates dropped for slow connections (latest state wins)", null,
        Tags.of("protocol", protocol, "version", version), 1);
  }

  /** An inbound message dropped before decoding. {@code protoshift_ws_inbound_dropped_total}. */
  @Override
  public void inboundDropped(String reason) {
    count("protoshift.ws.inbound.dropped", "Inbound messages dropped before decoding", null, Tags.of("reason", reason), 1);
  }

  /** A rollout config change, applied or rejected. {@code protoshift_config_changes_total}. */
  public void configChange(String source, String result) {
    count("protoshift.config.changes", "Rollout config changes, applied or rejected", null,
        Tags.of("source", source, "result", result), 1);
  }

  /** A sampled shadow check ran. {@code protoshift_shadow_checks_total}. */
  @Override
  public void shadowChecked(String protocol, String version) {
    count("protoshift.shadow.checks", "Sampled shadow checks of what a cohort was sent", null,
        Tags.of("protocol", protocol, "version", version), 1);
  }

  /** A shadow check found a frame that differs from its view. {@code protoshift_shadow_mismatches_total}. */
  @Override
  public void shadowMismatch(String protocol, String version) {
    count("protoshift.shadow.mismatches", "Shadow checks that found a frame differing from what its view must contain",
        null, Tags.of("protocol", protocol, "version", version), 1);
  }

  /**
   * Counts the rollout config's changes and refusals ({@code protoshift_config_changes_total}) and
   * exports its file's health ({@code protoshift_config_source_healthy}).
   */
  public void bindRollout(RolloutConfigHolder rollout) {
    rollout.addListener(new ConfigListener() {
      @Override
      public void onChange(ConfigChange change) {
        configChange(change.source().code(), "applied");
      }

      @Override
      public void onRejected(ConfigRejection rejection) {
        configChange(rejection.source().code(), "rejected");
      }
    });
    configSourceHealth(rollout::fileHealth);
  }

  /** A frame deliberately corrupted by fault injection. {@code protoshift_faults_injected_total}. */
  public void faultInjected() {
    count("protoshift.faults.injected", "Inbound frames corrupted on purpose (fault injection)", null, Tags.empty(), 1);
  }

  /** Times one room tick. {@code protoshift_room_tick_seconds}. */
  public Timer tickTimer() {
    return tickTimer;
  }

  /**
   * {@code protoshift_config_source_healthy{source="file"}}: 1 while the config file is read and
   * valid, 0 while it cannot be read or is invalid (the last good config stays in force, and the
   * file controls nothing). Not registered when the server runs without a config file.
   */
  public void configSourceHealth(Supplier<Optional<ConfigSourceHealth>> file) {
    if (file.get().isPresent()) {
      Gauge.builder("protoshift.config.source.healthy", () -> file.get().map(h -> h.healthy() ? 1 : 0).orElse(0))
          .description("1 while the config source is read and valid, 0 while it fails (the last good config stays)")
          .tag("source", ConfigSource.FILE.code())
          .register(registry);
    }
  }

  /** Registers the number of live rooms. {@code protoshift_rooms}. */
  public void roomsGauge(Supplier<Number> rooms) {
    Gauge.builder("protoshift.rooms", rooms).description("Rooms with a running tick loop").register(registry);
  }

  private AtomicLong connectionGauge(String protocol, String version) {
    Tags tags = Tags.of("protocol", protocol, "version", version);
    return connectionGauges.computeIfAbsent(tags, t -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("protoshift.ws.connections", value, AtomicLong::get)
          .description("Open WebSocket connections, by protocol and agreed version")
          .tags(t)
          .register(registry);
      return value;
    });
  }

  private Timer timer(Map<Tags, Timer> cache, String name, String description, Tags tags) {
    return cache.computeIfAbsent(tags, t -> Timer.builder(name)
        .description(description)
        .tags(t)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(500))
        .maximumExpectedValue(Duration.ofMillis(100))
        .register(registry));
  }

  private void count(String name, String description, String unit, Tags tags, double amount) {
    Tags key = tags.and("__name", name);
    counters.computeIfAbsent(key, k -> {
      Counter.Builder b = Counter.builder(name).description(description).tags(tags);
      return (unit == null ? b : b.baseUnit(unit)).register(registry);
    }).increment(amount);
  }

  /** The names of every server metric, as Prometheus shows them (for docs/metrics.md's test). */
  public static List<String> prometheusNames() {
    return List.of(
        "protoshift_ws_message_size_bytes", "protoshift_ws_sent_bytes_total", "protoshift_ws_received_bytes_total",
        "protoshift_encode_seconds", "protoshift_decode_seconds", "protoshift_decode_errors_total",
        "protoshift_ws_connections", "protoshift_ws_connections_opened_total", "protoshift_ws_connections_closed_total",
        "protoshift_ws_upgrades_rejected_total", "protoshift_rollout_decisions_total",
        "protoshift_protocol_switches_total", "protoshift_updates_dropped_total", "protoshift_ws_inbound_dropped_total",
        "protoshift_config_changes_total", "protoshift_config_source_healthy", "protoshift_faults_injected_total",
        "protoshift_room_tick_seconds", "protoshift_rooms", "protoshift_shadow_checks_total",
        "protoshift_shadow_mismatches_total");
  }

  @Override
  public void close() {
    if (gcMetrics != null) {
      gcMetrics.close();
    }
    registry.close();
  }


  private static boolean prometheusPresent() {
    try {
      Class.forName("io.micrometer.prometheusmetrics.PrometheusMeterRegistry", false,
          MicrometerSessionMetrics.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The only place that names Prometheus types: {@code micrometer-registry-prometheus} is an
   * optional dependency, so this class is loaded only when {@link #PROMETHEUS_PRESENT} (verifying
   * it loads the Prometheus registry's class).
   */
  private static final class PrometheusSupport {
    static MeterRegistry newRegistry() {
      return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    static Supplier<String> scraper(MeterRegistry registry) {
      return registry instanceof PrometheusMeterRegistry p ? p::scrape : null;
    }
  }
}
