package dev.protoshift.server.session;

import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.server.ServerSettings;
import dev.protoshift.server.game.Rooms;
import dev.protoshift.server.metrics.ServerMetrics;
import dev.protoshift.server.transport.FaultInjector;
import dev.protoshift.server.transport.OriginPolicy;
import dev.protoshift.versioning.ClientCapabilities;
import dev.protoshift.versioning.Negotiator;
import dev.protoshift.versioning.ProtocolFeatures;
import dev.protoshift.versioning.ProtocolGate;
import dev.protoshift.versioning.ProtocolVersion;
import dev.protoshift.versioning.SupportedVersions;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutContext;
import dev.protoshift.versioning.rollout.RolloutPolicy;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connection of one server shares: settings, metrics, rooms, the rollout config,
 * the negotiator, the open connections and whether the server is draining.
 */
public final class ServerContext {

  /** The oldest client version this server serves. */
  public static final ProtocolVersion OLDEST = ProtocolVersion.parse("1.0.0");

  private final ServerSettings settings;
  private final ServerMetrics metrics;
  private final Rooms rooms;
  private final RolloutConfigHolder rollout;
  private final Negotiator negotiator;
  private final Connections connections = new Connections();
  private final OriginPolicy origins;
  private final FaultInjector faults;
  private final String idPrefix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  private final AtomicLong nextId = new AtomicLong();
  private volatile boolean draining;

  public ServerContext(ServerSettings settings, ServerMetrics metrics, Rooms rooms, RolloutConfigHolder rollout) {
    this.settings = settings;
    this.metrics = metrics;
    this.rooms = rooms;
    this.rollout = rollout;
    this.origins = OriginPolicy.allowing(settings.allowedOrigins());
    this.faults = new FaultInjector(settings.injectProtoErrors(), System.nanoTime());
    this.negotiator = Negotiator.builder(supportedVersions()).features(features()).build();
  }

  /** From 1.0.0 to the version the compiled schema declares. */
  public static SupportedVersions supportedVersions() {
    return SupportedVersions.between(OLDEST, ProtocolVersion.parse(ReferenceSchema.protocolVersion()));
  }

  /** The reference game's optional features and the release that introduced each. */
  public static ProtocolFeatures features() {
    return ProtocolFeatures.builder().add("dag", "1.1.0").add("inventory", "1.1.0").add("story", "1.1.0").build();
  }

  public ServerSettings settings() {
    return settings;
  }

  public ServerMetrics metrics() {
    return metrics;
  }

  public Rooms rooms() {
    return rooms;
  }

  public RolloutConfigHolder rollout() {
    return rollout;
  }

  /** The reference game's conversions (convert). */
  public GameProtocol game() {
    return GameProtocol.reference();
  }

  public Negotiator negotiator() {
    return negotiator;
  }

  public Connections connections() {
    return connections;
  }

  public OriginPolicy origins() {
    return origins;
  }

  public FaultInjector faults() {
    return faults;
  }

  /** A new connection id, unique in this process: a random per-process prefix and a counter. */
  String newConnectionId() {
    return idPrefix + "-" + Long.toString(nextId.incrementAndGet(), 36);
  }

  /** The rollout gate for one connection: the policy applied to the config in force when it is asked. */
  ProtocolGate gate(String roomId, String playerId, String connectionId) {
    return client -> RolloutPolicy.decide(rollout.current(), context(roomId, playerId, connectionId, client));
  }

  static RolloutContext context(String roomId, String playerId, String connectionId, ClientCapabilities client) {
    return RolloutContext.of(roomId, playerId, connectionId, client);
  }

  public boolean draining() {
    return draining;
  }

  /** From now on, new connections are refused and the open ones told to reconnect. */
  public void startDraining() {
    draining = true;
  }

  /**
   * The close reason sent with 1012: {@code restart; reconnect_after_ms=N}, N drawn uniformly
   * from the configured window so that clients do not all come back at once.
   */
  public String reconnectHint() {
    long min = settings.reconnectMin().toMillis();
    long max = settings.reconnectMax().toMillis();
    long after = min + ThreadLocalRandom.current().nextLong(max - min + 1);
    return "restart; reconnect_after_ms=" + after;
  }
}
