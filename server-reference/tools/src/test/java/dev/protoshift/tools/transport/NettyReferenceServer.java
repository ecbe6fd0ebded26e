package dev.protoshift.tools.transport;

import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.BroadcastMode;
import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.server.game.Rooms;
import dev.protoshift.session.CloseCode;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionLimits;
import dev.protoshift.session.Sessions;
import dev.protoshift.session.micrometer.MicrometerSessionMetrics;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The reference game on Netty: the rollout config watched in a file, {@link Sessions} built as
 * {@code ReferenceServer} builds them, {@link Rooms} for the simulation, Micrometer metrics, and
 * {@link NettyGameServer} as the transport. Only the transport differs from the Jetty server.
 */
final class NettyReferenceServer implements AutoCloseable {

  /** Largest request head and WebSocket message accepted, as the Jetty server's default. */
  static final int MAX_MESSAGE_BYTES = 16 * 1024;

  private final RolloutConfigHolder rollout;
  private final MicrometerSessionMetrics metrics;
  private final Sessions<PlayerInput> sessions;
  private final Rooms rooms;
  private final NettyGameServer netty;

  private NettyReferenceServer(Path configFile, SessionLimits limits, RoomSettings roomSettings)
      throws InterruptedException {
    this.rollout = RolloutConfigHolder.builder().watchFile(configFile).build();
    this.metrics = MicrometerSessionMetrics.on(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    GameProtocol game = GameProtocol.reference();
    this.sessions = Sessions.builder(game.chain(), game::decodeInput,
            (code, message, cohort) -> game.encodeError(new ServerMessage.Error(code, message), cohort))
        .rollout(rollout)
        .limits(limits)
        .metrics(metrics)
        .messageType(input -> "player_input")
        .onMessage(this::received)
        .build();
    this.rooms = new Rooms(roomSettings, sessions, game, BroadcastMode.PER_COHORT, Clock.systemUTC(),
        metrics.tickTimer());
    this.netty = NettyGameServer.start(new InetSocketAddress("127.0.0.1", 0), sessions, new NettyGameServer.Hooks() {
      @Override
      public void opened(Session session, String address) {
        seat(session, address);
      }

      @Override
      public void closed(Session session) {
        rooms.leave(session);
      }
    }, MAX_MESSAGE_BYTES);
  }

  /**
   * Starts the server on a free loopback port.
   *
   * @throws dev.protoshift.versioning.rollout.InvalidConfigException if the config file is invalid
   * @throws InterruptedException if interrupted while binding
   */
  static NettyReferenceServer start(Path configFile, SessionLimits limits, RoomSettings rooms)
      throws InterruptedException {
    return new NettyReferenceServer(configFile, limits, rooms);
  }

  private void received(Session session, PlayerInput input) {
    rooms.of(session).ifPresent(room -> room.submit(session, input));
  }

  private void seat(Session session, String address) {
    if (session.agreement().isEmpty() || !session.isOpen()) {
      return; // a refused handshake: the session sends its hello_reject and closes itself
    }
    if (rooms.join(session.ids().room(), address, session, "player") != Rooms.Joined.SEATED) {
      session.close(CloseCode.TRY_AGAIN_LATER, "no room for this connection; reconnect later");
    }
  }

  URI gameUri() {
    return netty.gameUri();
  }

  Sessions<PlayerInput> sessions() {
    return sessions;
  }

  MicrometerSessionMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    rollout.close();
    rooms.close();
    netty.close();
    sessions.close();
    metrics.close();
  }
}
