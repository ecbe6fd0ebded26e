package dev.protoshift.server;

import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.server.transport.OriginPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the reference server is told at start, validated. Built with {@link #builder()};
 * every value has a production-sensible default (docs/operations.md lists them), so {@code
 * builder().build()} is a working server on port 8080 with its admin API on 127.0.0.1:9090.
 */
public final class ServerSettings {

  private final String host;
  private final int port;
  private final String adminHost;
  private final int adminPort;
  private final RoomSettings rooms;
  private final int maxConnections;
  private final int maxFrameBytes;
  private final double inboundRatePerSecond;
  private final int inboundBurst;
  private final int inboundCloseAfterDrops;
  private final Duration slowConsumerTimeout;
  private final int maxQueuedControlFrames;
  private final Duration idleTimeout;
  private final List<String> allowedOrigins;
  private final Duration drainTimeout;
  private final Duration reconnectMin;
  private final Duration reconnectMax;
  private final Optional<Path> configFile;
  private final int decodeErrorLimit;
  private final Duration decodeErrorWindow;
  private final double injectProtoErrors;
  private final boolean allowFaultInjection;
  private final boolean logProtoMessages;
  private final Map<String, String> environment;
  private final BroadcastMode broadcastMode;

  private ServerSettings(Builder b) {
    this.host = require(b.host, "host");
    this.port = port(b.port, "port");
    this.adminHost = require(b.adminHost, "admin host");
    this.adminPort = port(b.adminPort, "admin port");
    this.rooms = Objects.requireNonNull(b.rooms, "rooms");
    this.maxConnections = atLeast(b.maxConnections, 1, "max connections");
    this.maxFrameBytes = atLeast(b.maxFrameBytes, 256, "max frame bytes");
    if (!(b.inboundRatePerSecond > 0) || Double.isInfinite(b.inboundRatePerSecond)) {
      throw new IllegalArgumentException("inbound rate must be a positive number of messages per second, was " + b.inboundRatePerSecond);
    }
    this.inboundRatePerSecond = b.inboundRatePerSecond;
    this.inboundBurst = atLeast(b.inboundBurst, 1, "inbound burst");
    this.inboundCloseAfterDrops = atLeast(b.inboundCloseAfterDrops, 1, "inbound drops before close");
    this.slowConsumerTimeout = positive(b.slowConsumerTimeout, "slow consumer timeout");
    this.maxQueuedControlFrames = atLeast(b.maxQueuedControlFrames, 1, "max queued control frames");
    this.idleTimeout = positive(b.idleTimeout, "idle timeout");
    this.allowedOrigins = List.copyOf(b.allowedOrigins);
    OriginPolicy.allowing(allowedOrigins); // validates each entry
    this.drainTimeout = positive(b.drainTimeout, "drain timeout");
    this.reconnectMin = positive(b.reconnectMin, "reconnect hint minimum");
    this.reconnectMax = positive(b.reconnectMax, "reconnect hint maximum");
    if (reconnectMax.compareTo(reconnectMin) < 0) {
      throw new IllegalArgumentException("reconnect hint maximum (" + reconnectMax.toMillis()
          + " ms) must not be below its minimum (" + reconnectMin.toMillis() + " ms)");
    }
    this.configFile = Optional.ofNullable(b.configFile);
    this.decodeErrorLimit = atLeast(b.decodeErrorLimit, 1, "decode error limit");
    this.decodeErrorWindow = positive(b.decodeErrorWindow, "decode error window");
    if (!(b.injectProtoErrors >= 0 && b.injectProtoErrors <= 1)) {
      throw new IllegalArgumentException("INJECT_PROTO_ERRORS must be a share 0..1, was " + b.injectProtoErrors);
    }
    if (b.injectProtoErrors > 0 && !b.allowFaultInjection) {
      throw new IllegalArgumentException("INJECT_PROTO_ERRORS=" + b.injectProtoErrors
          + " refused: fault injection corrupts real traffic; enable it explicitly with --allow-fault-injection"
          + " (env PROTOSHIFT_ALLOW_FAULT_INJECTION=true)");
    }
    this.injectProtoErrors = b.injectProtoErrors;
    this.allowFaultInjection = b.allowFaultInjection;
    this.logProtoMessages = b.logProtoMessages;
    this.environment = Map.copyOf(b.environment);
    this.broadcastMode = Objects.requireNonNull(b.broadcastMode, "broadcast mode");
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.adminHost = adminHost;
    b.adminPort = adminPort;
    b.rooms = rooms;
    b.maxConnections = maxConnections;
    b.maxFrameBytes = maxFrameBytes;
    b.inboundRatePerSecond = inboundRatePerSecond;
    b.inboundBurst = inboundBurst;
    b.inboundCloseAfterDrops = inboundCloseAfterDrops;
    b.slowConsumerTimeout = slowConsumerTimeout;
    b.maxQueuedControlFrames = maxQueuedControlFrames;
    b.idleTimeout = idleTimeout;
    b.allowedOrigins = allowedOrigins;
    b.drainTimeout = drainTimeout;
    b.reconnectMin = reconnectMin;
    b.reconnectMax = reconnectMax;
    b.configFile = configFile.orElse(null);
    b.decodeErrorLimit = decodeErrorLimit;
    b.decodeErrorWindow = decodeErrorWindow;
    b.injectProtoErrors = injectProtoErrors;
    b.allowFaultInjection = allowFaultInjection;
    b.logProtoMessages = logProtoMessages;
    b.environment = environment;
    b.broadcastMode = broadcastMode;
    return b;
  }

  /** How states are encoded and sent; {@link BroadcastMode#PER_COHORT} except in benchmarks. */
  public BroadcastMode broadcastMode() {
    return broadcastMode;
  }

  /** Interface the game port binds to (default all, {@code 0.0.0.0}). */
  public String host() {
    return host;
  }

  /** Game port; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Interface the admin port binds to (default loopback). */
  public String adminHost() {
    return adminHost;
  }

  /** Admin port; 0 picks a free one. */
  public int adminPort() {
    return adminPort;
  }

  public RoomSettings rooms() {
    return rooms;
  }

  /** Open game connections at most; further upgrades get HTTP 503. */
  public int maxConnections() {
    return maxConnections;
  }

  /** Largest inbound WebSocket message; a larger one closes the connection with 1009. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  public double inboundRatePerSecond() {
    return inboundRatePerSecond;
  }

  public int inboundBurst() {
    return inboundBurst;
  }

  /** Rate-limited (dropped) messages within 10 s after which the connection is closed (4003). */
  public int inboundCloseAfterDrops() {
    return inboundCloseAfterDrops;
  }

  /** How long a connection may stay behind (dropping updates) before it is closed (4004). */
  public Duration slowConsumerTimeout() {
    return slowConsumerTimeout;
  }

  public int maxQueuedControlFrames() {
    return maxQueuedControlFrames;
  }

  /** A connection with no traffic either way for this long is closed by Jetty. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** Browser origins allowed to connect ({@code *} for any); requests without Origin always are. */
  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** On SIGTERM, how long to wait for clients to leave before stopping anyway. */
  public Duration drainTimeout() {
    return drainTimeout;
  }

  /** The reconnect hint sent with 1012 is drawn uniformly from [min, max] to spread reconnects. */
  public Duration reconnectMin() {
    return reconnectMin;
  }

  public Duration reconnectMax() {
    return reconnectMax;
  }

  /** The rollout config file, watched for changes; empty: defaults and environment only. */
  public Optional<Path> configFile() {
    return configFile;
  }

  /** Decode errors within {@link #decodeErrorWindow} after which a connection is downgraded to JSON. */
  public int decodeErrorLimit() {
    return decodeErrorLimit;
  }

  public Duration decodeErrorWindow() {
    return decodeErrorWindow;
  }

  /** Share (0..1) of inbound binary frames to corrupt on purpose; 0 = off (the default). */
  public double injectProtoErrors() {
    return injectProtoErrors;
  }

  public boolean allowFaultInjection() {
    return allowFaultInjection;
  }

  /** Log every message's type, size and encode time (seed {@code LOG_PROTO_MESSAGES=1}). */
  public boolean logProtoMessages() {
    return logProtoMessages;
  }

  /** The environment the rollout config reads its {@code PROTOBUF_*} overrides from (default: none). */
  public Map<String, String> environment() {
    return environment;
  }

  private static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty, was \"" + value + "\"");
    }
    return value;
  }

  private static int port(int value, String name) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(name + " must be 0..65535, was " + value);
    }
    return value;
  }

  private static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  private static Duration positive(Duration value, String name) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private String adminHost = "127.0.0.1";
    private int adminPort = 9090;
    private RoomSettings rooms = RoomSettings.DEFAULTS;
    private int maxConnections = 10_000;
    private int maxFrameBytes = 16 * 1024;
    private double inboundRatePerSecond = 30;
    private int inboundBurst = 60;
    private int inboundCloseAfterDrops = 300;
    private Duration slowConsumerTimeout = Duration.ofSeconds(5);
    private int maxQueuedControlFrames = 32;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private List<String> allowedOrigins = List.of();
    private Duration drainTimeout = Duration.ofSeconds(10);
    private Duration reconnectMin = Duration.ofMillis(250);
    private Duration reconnectMax = Duration.ofMillis(2_000);
    private Path configFile;
    private int decodeErrorLimit = 5;
    private Duration decodeErrorWindow = Duration.ofSeconds(10);
    private double injectProtoErrors;
    private boolean allowFaultInjection;
    private boolean logProtoMessages;
    private Map<String, String> environment = Map.of();
    private BroadcastMode broadcastMode = BroadcastMode.PER_COHORT;

    private Builder() {}

    public Builder host(String v) { host = v; return this; }
    public Builder port(int v) { port = v; return this; }
    public Builder adminHost(String v) { adminHost = v; return this; }
    public Builder adminPort(int v) { adminPort = v; return this; }
    public Builder rooms(RoomSettings v) { rooms = v; return this; }
    public Builder maxConnections(int v) { maxConnections = v; return this; }
    public Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
    public Builder inboundRatePerSecond(double v) { inboundRatePerSecond = v; return this; }
    public Builder inboundBurst(int v) { inboundBurst = v; return this; }
    public Builder inboundCloseAfterDrops(int v) { inboundCloseAfterDrops = v; return this; }
    public Builder slowConsumerTimeout(Duration v) { slowConsumerTimeout = v; return this; }
    public Builder maxQueuedControlFrames(int v) { maxQueuedControlFrames = v; return this; }
    public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
    public Builder allowedOrigins(List<String> v) { allowedOrigins = List.copyOf(v); return this; }
    public Builder drainTimeout(Duration v) { drainTimeout = v; return this; }
    public Builder reconnectHint(Duration min, Duration max) { reconnectMin = min; reconnectMax = max; return this; }
    public Builder configFile(Path v) { configFile = v; return this; }
    public Builder decodeErrorLimit(int v) { decodeErrorLimit = v; return this; }
    public Builder decodeErrorWindow(Duration v) { decodeErrorWindow = v; return this; }
    public Builder injectProtoErrors(double v) { injectProtoErrors = v; return this; }
    public Builder allowFaultInjection(boolean v) { allowFaultInjection = v; return this; }
    public Builder logProtoMessages(boolean v) { logProtoMessages = v; return this; }
    public Builder environment(Map<String, String> v) { environment = Map.copyOf(v); return this; }
    public Builder broadcastMode(BroadcastMode v) { broadcastMode = v; return this; }

    /**
     * @throws IllegalArgumentException naming the first bad value
     */
    public ServerSettings build() {
      return new ServerSettings(this);
    }
  }
}
