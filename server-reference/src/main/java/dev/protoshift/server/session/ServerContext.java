package dev.protoshift.server.session;

import dev.protoshift.server.ServerSettings;
import dev.protoshift.server.game.Rooms;
import dev.protoshift.server.metrics.ServerMetrics;
import dev.protoshift.server.transport.OriginPolicy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every connection of one server shares: settings, metrics, rooms, the open connections
 * and whether the server is draining.
 */
public final class ServerContext {

  private final ServerSettings settings;
  private final ServerMetrics metrics;
  private final Rooms rooms;
  private final Connections connections = new Connections();
  private final OriginPolicy origins;
  private volatile boolean draining;

  public ServerContext(ServerSettings settings, ServerMetrics metrics, Rooms rooms) {
    this.settings = settings;
    this.metrics = metrics;
    this.rooms = rooms;
    this.origins = OriginPolicy.allowing(settings.allowedOrigins());
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

  public Connections connections() {
    return connections;
  }

  public OriginPolicy origins() {
    return origins;
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
