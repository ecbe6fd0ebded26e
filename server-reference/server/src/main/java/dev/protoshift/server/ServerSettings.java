package dev.protoshift.server;

import dev.protoshift.operations.WindowSettings;
import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.session.SessionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the reference server is configured with, one small record per concern, each with
 * its defaults in one place ({@link #DEFAULTS}); the command line starts from them.
 *
 * @param network ports, connection and frame limits, origins, compression
 * @param limits what every session applies (protoshift-session's {@link SessionLimits})
 * @param rooms tick rate, rooms' lifetime and budgets
 * @param drain graceful shutdown
 * @param rollout where the rollout config comes from
 * @param diagnostics benchmark and test switches, off in production
 * @param windows how the readiness report's and the ramp's windowed counts are kept
 */
public record ServerSettings(Network network, SessionLimits limits, RoomSettings rooms, Drain drain, Rollout rollout,
    Diagnostics diagnostics, WindowSettings windows) {

  /** The reference server as {@code java -jar protoshift-server.jar} starts it. */
  public static final ServerSettings DEFAULTS = new ServerSettings(Network.DEFAULTS, SessionLimits.DEFAULTS,
      RoomSettings.DEFAULTS, Drain.DEFAULTS, Rollout.NONE, Diagnostics.OFF, WindowSettings.DEFAULTS);

  /** @throws NullPointerException if a part is null */
  public ServerSettings {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(rooms, "rooms");
    Objects.requireNonNull(drain, "drain");
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(diagnostics, "diagnostics");
    Objects.requireNonNull(windows, "windows");
  }

  /**
   * Where and how the server listens.
   *
   * @param host interface of the game port
   * @param port game port, 0 for any free one
   * @param adminHost interface of the admin port (loopback by default)
   * @param adminPort admin port, 0 for any free one
   * @param maxConnections open game connections at once, including upgrades still being read
   * @param maxFrameBytes largest inbound WebSocket message; larger closes with 1009
   * @param idleTimeout a connection silent this long is closed
   * @param requestHeaderTimeout how long an upgrade request's headers may take to arrive
   * @param allowedOrigins browser origins allowed to connect (empty: any, and requests without one)
   * @param compression whether to negotiate permessage-deflate (off: it compresses every member's
   *     frame separately, undoing encode-once)
   */
  public record Network(String host, int port, String adminHost, int adminPort, int maxConnections, int maxFrameBytes,
      Duration idleTimeout, Duration requestHeaderTimeout, List<String> allowedOrigins, boolean compression) {

    public static final Network DEFAULTS = new Network("0.0.0.0", 8080, "127.0.0.1", 9090, 10_000, 16 * 1024,
        Duration.ofSeconds(60), Duration.ofSeconds(10), List.of(), false);

    /** @throws IllegalArgumentException naming the bad value */
    public Network {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(adminHost, "adminHost");
      requirePort(port, "game port");
      requirePort(adminPort, "admin port");
      requireAtLeast(1, maxConnections, "max connections");
      requireAtLeast(256, maxFrameBytes, "max frame bytes");
      requirePositive(idleTimeout, "idle timeout");
      requirePositive(requestHeaderTimeout, "request header timeout");
      allowedOrigins = List.copyOf(allowedOrigins);
      dev.protoshift.server.jetty.OriginPolicy.allowing(allowedOrigins); // names a bad one
    }

    public Network withPorts(String host, int port, String adminHost, int adminPort) {
      return new Network(host, port, adminHost, adminPort, maxConnections, maxFrameBytes, idleTimeout,
          requestHeaderTimeout, allowedOrigins, compression);
    }

    public Network withLimits(int maxConnections, int maxFrameBytes) {
      return new Network(host, port, adminHost, adminPort, maxConnections, maxFrameBytes, idleTimeout,
          requestHeaderTimeout, allowedOrigins, compression);
    }

    public Network withAllowedOrigins(List<String> origins) {
      return new Network(host, port, adminHost, adminPort, maxConnections, maxFrameBytes, idleTimeout,
          requestHeaderTimeout, origins, compression);
    }

    public Network withCompression(boolean on) {
      return new Network(host, port, adminHost, adminPort, maxConnections, maxFrameBytes, idleTimeout,
          requestHeaderTimeout, allowedOrigins, on);
    }

    public Network withTimeouts(Duration idle, Duration requestHeaders) {
      return new Network(host, port, adminHost, adminPort, maxConnections, maxFrameBytes, idle, requestHeaders,
          allowedOrigins, compression);
    }
  }

  /**
   * Graceful shutdown: on SIGTERM every client gets close 1012 with a reconnect hint drawn from
   * [reconnectMin, reconnectMax], and the server waits up to {@code timeout} for them to go.
   */
  public record Drain(Duration timeout, Duration reconnectMin, Duration reconnectMax) {

    public static final Drain DEFAULTS = new Drain(Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofMillis(2_000));

    /** @throws IllegalArgumentException naming the bad value */
    public Drain {
      requirePositive(timeout, "drain timeout");
      requirePositive(reconnectMin, "reconnect hint minimum");
      requirePositive(reconnectMax, "reconnect hint maximum");
      if (reconnectMax.compareTo(reconnectMin) < 0) {
        throw new IllegalArgumentException("reconnect hint maximum (" + reconnectMax.toMillis()
            + " ms) must not be below its minimum (" + reconnectMin.toMillis() + " ms)");
      }
    }
  }

  /**
   * Where the rollout config comes from: the YAML file (watched), and the {@code PROTOBUF_*}
   * variables of the environment.
   */
  public record Rollout(Optional<Path> configFile, Map<String, String> environment) {

    public static final Rollout NONE = new Rollout(Optional.empty(), Map.of());

    public Rollout {
      Objects.requireNonNull(configFile, "configFile");
      environment = Map.copyOf(environment);
    }
  }

  /**
   * Switches for benchmarks, chaos tests and debugging; every one off in production.
   *
   * @param broadcastMode per-cohort (production), or a benchmark's comparison mode
   * @param injectProtoErrors share of inbound binary frames corrupted on purpose, 0..1
   * @param logProtoMessages log every message encoded and received ({@code LOG_PROTO_MESSAGES=1})
   * @param shadowOneIn shadow verification of 1 cohort broadcast in N; 0 is off
   * @param allowFaultInjection whether fault injection may be changed at runtime ({@code PUT
   *     /admin/fault-injection}; {@code --allow-fault-injection})
   */
  public record Diagnostics(BroadcastMode broadcastMode, double injectProtoErrors, boolean logProtoMessages,
      int shadowOneIn, boolean allowFaultInjection) {

    public static final Diagnostics OFF = new Diagnostics(BroadcastMode.PER_COHORT, 0, false, 0, false);

    /** @throws IllegalArgumentException naming the bad value */
    public Diagnostics {
      Objects.requireNonNull(broadcastMode, "broadcastMode");
      if (!(injectProtoErrors >= 0 && injectProtoErrors <= 1)) {
        throw new IllegalArgumentException("INJECT_PROTO_ERRORS must be a share 0..1, was " + injectProtoErrors);
      }
      if (shadowOneIn < 0) {
        throw new IllegalArgumentException("shadow sampling must be 0 (off) or 1 in N, was " + shadowOneIn);
      }
      if (injectProtoErrors > 0 && !allowFaultInjection) {
        throw new IllegalArgumentException("INJECT_PROTO_ERRORS needs --allow-fault-injection");
      }
    }

    /** Fault injection allowed exactly when a share is given. */
    public Diagnostics(BroadcastMode broadcastMode, double injectProtoErrors, boolean logProtoMessages, int shadowOneIn) {
      this(broadcastMode, injectProtoErrors, logProtoMessages, shadowOneIn, injectProtoErrors > 0);
    }
  }

  public ServerSettings withNetwork(Network n) {
    return new ServerSettings(n, limits, rooms, drain, rollout, diagnostics, windows);
  }

  public ServerSettings withLimits(SessionLimits l) {
    return new ServerSettings(network, l, rooms, drain, rollout, diagnostics, windows);
  }

  public ServerSettings withRooms(RoomSettings r) {
    return new ServerSettings(network, limits, r, drain, rollout, diagnostics, windows);
  }

  public ServerSettings withDrain(Drain d) {
    return new ServerSettings(network, limits, rooms, d, rollout, diagnostics, windows);
  }

  public ServerSettings withRollout(Rollout r) {
    return new ServerSettings(network, limits, rooms, drain, r, diagnostics, windows);
  }

  public ServerSettings withDiagnostics(Diagnostics d) {
    return new ServerSettings(network, limits, rooms, drain, rollout, d, windows);
  }

  public ServerSettings withWindows(WindowSettings w) {
    return new ServerSettings(network, limits, rooms, drain, rollout, diagnostics, w);
  }

  /** With this rollout environment (e.g. {@code PROTOBUF_ENABLED=true}). */
  public ServerSettings withEnvironment(Map<String, String> environment) {
    return withRollout(new Rollout(rollout.configFile(), environment));
  }

  /** With this rollout config file, watched. */
  public ServerSettings withConfigFile(Path file) {
    return withRollout(new Rollout(Optional.of(file), rollout.environment()));
  }

  private static void requirePort(int port, String name) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be 0..65535, was " + port);
    }
  }

  private static void requireAtLeast(int min, int value, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
