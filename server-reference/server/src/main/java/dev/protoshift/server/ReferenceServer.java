package dev.protoshift.server;

import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.ramp.RampController;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.operations.admin.AdminApi;
import dev.protoshift.operations.admin.AdminToken;
import dev.protoshift.server.admin.AdminHandler;
import dev.protoshift.server.admin.FaultInjectionApi;
import dev.protoshift.server.game.Rooms;
import dev.protoshift.server.jetty.FaultInjector;
import dev.protoshift.server.jetty.GameEndpoint;
import dev.protoshift.server.jetty.GameServer;
import dev.protoshift.server.jetty.OriginPolicy;
import dev.protoshift.session.CloseCode;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionMetrics;
import dev.protoshift.session.Sessions;
import dev.protoshift.session.ShadowCheck;
import dev.protoshift.session.micrometer.ConnectionGauges;
import dev.protoshift.session.micrometer.MicrometerRampMetrics;
import dev.protoshift.session.micrometer.MicrometerSessionMetrics;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reference game server: protoshift's session library ({@link Sessions}, one {@code
 * RoomFanout} per room) wired to the reference game, its simulation and a Jetty 12 WebSocket
 * adapter, with an admin port for the rollout, the kill switch and Prometheus metrics.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start(ServerSettings.DEFAULTS, AdminToken.of(token, "env"))) {
 *   ...
 *   server.drain(); // what SIGTERM does: 1012 to every client, bounded wait
 * }
 * }</pre>
 */
public final class ReferenceServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ReferenceServer.class.getName());

  private final ServerSettings settings;
  private final AdminToken token;
  private final MicrometerSessionMetrics metrics;
  private final RolloutConfigHolder rollout;
  private final Sessions<PlayerInput> sessions;
  private final Rooms rooms;
  private final ConnectionWindows windows;
  private final RampController ramp;
  private final FaultInjector faults;
  private final GameServer jetty;
  private volatile boolean ready;

  private ReferenceServer(ServerSettings settings, AdminToken token, MicrometerSessionMetrics metrics) {
    this.settings = settings;
    this.token = token;
    this.metrics = metrics;
    this.rollout = rolloutConfig(settings); // first: an invalid config refuses to start before anything runs
    metrics.bindRollout(rollout);
    GameProtocol game = GameProtocol.reference();
    ServerSettings.Diagnostics diagnostics = settings.diagnostics();
    this.windows = new ConnectionWindows(settings.windows(), System::currentTimeMillis,
        new ConnectionGauges(metrics.registry()));
    SessionMetrics sessionMetrics =
        windows.counting(diagnostics.logProtoMessages() ? new ProtoMessageLog(metrics) : metrics);
    Sessions.Builder<PlayerInput> b = Sessions.builder(game.chain(), game::decodeInput,
        (code, message, cohort) -> game.encodeError(new ServerMessage.Error(code, message), cohort))
        .rollout(rollout)
        .limits(settings.limits())
        .metrics(sessionMetrics)
        .messageType(input -> "player_input")
        .onMessage(this::received);
    if (diagnostics.shadowOneIn() > 0) {
      b.shadow(ShadowCheck.sampling(diagnostics.shadowOneIn())
          .withHistory(ReferenceSchema.history(), "protoshift.game.WsEnvelope"));
    }
    this.sessions = b.build();
    this.rooms = new Rooms(settings.rooms(), sessions, game, diagnostics.broadcastMode(), Clock.systemUTC(),
        metrics.tickTimer());
    metrics.roomsGauge(rooms::count);
    this.ramp = new RampController(rollout, windows, settings.rollout().configFile(),
        RampController.defaultInstanceName(), Clock.systemUTC(),
        new MicrometerRampMetrics(metrics.registry()), result -> metrics.configChange("ramp_plan", result));
    this.faults = new FaultInjector(diagnostics.injectProtoErrors(), System.nanoTime());
    this.jetty = new GameServer(settings.network(), settings.limits(), sessions,
        OriginPolicy.allowing(settings.network().allowedOrigins()),
        faults, hooks(), metrics::upgradeRejected,
        new AdminHandler(adminApi()));
  }

  private void received(Session session, PlayerInput input) {
    rooms.of(session).ifPresent(room -> room.submit(session, input));
  }

  private GameEndpoint.Hooks hooks() {
    return new GameEndpoint.Hooks() {
      @Override
      public void opened(Session session, GameEndpoint.Player player) {
        if (session.agreement().isEmpty() || !session.isOpen()) {
          return; // refused handshake, or draining: the session is closing itself
        }
        switch (rooms.join(player.roomId(), player.address(), session, player.displayName())) {
          case SEATED -> LOG.log(Level.DEBUG, () -> session + " joined " + player.roomId());
          case ROOMS_FULL -> {
            metrics.upgradeRejected("rooms_full");
            session.close(CloseCode.TRY_AGAIN_LATER, "too many rooms; reconnect later");
          }
          case ROOM_BUDGET -> {
            metrics.upgradeRejected("room_budget");
            session.close(CloseCode.TRY_AGAIN_LATER, "too many new rooms from this address; reconnect later");
          }
        }
      }

      @Override
      public void closed(Session session, int code) {
        rooms.leave(session);
        windows.closed(session, code);
      }

      @Override
      public void faultInjected() {
        metrics.faultInjected();
      }
    };
  }

  /**
   * The rollout config: defaults, the file (watched) if any, the environment.
   *
   * @throws dev.protoshift.versioning.rollout.InvalidConfigException if a source is invalid at start
   */
  private static RolloutConfigHolder rolloutConfig(ServerSettings settings) {
    RolloutConfigHolder.Builder b = RolloutConfigHolder.builder().environment(settings.rollout().environment());
    settings.rollout().configFile().ifPresent(b::watchFile);
    return b.build();
  }

  /**
   * Starts the game and admin servers, with Prometheus metrics and the JVM's own.
   *
   * @throws dev.protoshift.versioning.rollout.InvalidConfigException if the rollout config (file or
   *     environment) is invalid
   * @throws Exception if a port cannot be bound (the message names host and port)
   */
  public static ReferenceServer start(ServerSettings settings, AdminToken token) throws Exception {
    return start(settings, token, MicrometerSessionMetrics.prometheus());
  }

  /**
   * Starts the servers with the given metrics (for tests, or an application with its own registry).
   *
   * @throws IllegalArgumentException if the rollout config or the guarded ramp's plan is invalid, or
   *     the plan's {@code state_dir} cannot be created
   * @throws Exception if a port cannot be bound
   */
  public static ReferenceServer start(ServerSettings settings, AdminToken token, MicrometerSessionMetrics metrics)
      throws Exception {
    ReferenceServer server = new ReferenceServer(settings, token, metrics);
    try {
      server.ramp.start();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.getMessage(), e);
    }
    try {
      server.jetty.start();
    } catch (Exception e) {
      server.close();
      ServerSettings.Network n = settings.network();
      throw new IOException("cannot start: game " + n.host() + ":" + n.port() + ", admin " + n.adminHost()
          + ":" + n.adminPort() + ": " + e.getMessage(), e);
    }
    server.windows.start(server.sessions);
    server.ready = true;
    return server;
  }

  private AdminApi adminApi() {
    AdminApi.Builder admin = AdminApi.builder(token)
        .ready(() -> ready)
        .metrics(metrics::scrape)
        .rollout(rollout) // a config file that cannot be read shows in /readyz, but never makes the server unready
        .sessions(sessions)
        .cohortStat("rooms", rooms::count)
        .readiness(windows)
        .ramp(ramp);
    new FaultInjectionApi(faults, settings.diagnostics().allowFaultInjection()).routes().forEach(admin::route);
    return admin.build();
  }

  /** The rollout config in force and its sources. */
  public RolloutConfigHolder rollout() {
    return rollout;
  }

  /** The open sessions. */
  public Sessions<PlayerInput> sessions() {
    return sessions;
  }

  /** The open rooms. */
  public Rooms rooms() {
    return rooms;
  }

  /** The windowed counts of connections and protocol events (readiness report, ramp gates). */
  public ConnectionWindows windows() {
    return windows;
  }

  /** The guarded ramp (idle without a {@code protobuf_ramp:} plan). */
  public RampController ramp() {
    return ramp;
  }

  /** The game port (the bound one when 0 was asked for). */
  public int port() {
    return jetty.gamePort();
  }

  public int adminPort() {
    return jetty.adminPort();
  }

  /** {@code ws://HOST:PORT/ws}, with 127.0.0.1 for a wildcard bind. */
  public URI gameUri() {
    return URI.create("ws://" + connectHost(settings.network().host()) + ":" + port() + "/ws");
  }

  /** {@code http://HOST:PORT} of the admin API. */
  public URI adminUri() {
    return URI.create("http://" + connectHost(settings.network().adminHost()) + ":" + adminPort());
  }

  private static String connectHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
  }

  public boolean ready() {
    return ready;
  }

  public ServerSettings settings() {
    return settings;
  }

  public MicrometerSessionMetrics metrics() {
    return metrics;
  }

  public AdminToken adminToken() {
    return token;
  }

  /**
   * The close reason sent with 1012: {@code restart; reconnect_after_ms=N}, N drawn uniformly
   * from the configured window so that clients do not all come back at once.
   */
  String reconnectHint() {
    long min = settings.drain().reconnectMin().toMillis();
    long max = settings.drain().reconnectMax().toMillis();
    return "restart; reconnect_after_ms=" + (min + ThreadLocalRandom.current().nextLong(max - min + 1));
  }

  /**
   * Graceful drain (what SIGTERM does): stop being ready, stop accepting connections, close
   * every open one with 1012 and a reconnect hint, and wait up to the drain timeout for them to
   * go.
   *
   * @return true if every connection left within the timeout
   */
  public boolean drain() {
    ready = false;
    jetty.stopAccepting();
    LOG.log(Level.INFO, "draining: telling " + sessions.count() + " connections to reconnect (1012)");
    sessions.drain(reconnectHint());
    long deadline = System.nanoTime() + settings.drain().timeout().toNanos();
    while (sessions.count() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int left = sessions.count();
    if (left > 0) {
      LOG.log(Level.WARNING, "drain timeout (" + settings.drain().timeout().toMillis() + " ms): " + left
          + " connections still open; closing them hard");
    } else {
      LOG.log(Level.INFO, "drained: every connection left");
    }
    return left == 0;
  }

  /** Stops everything at once (after {@link #drain()} for a graceful stop). */
  @Override
  public void close() {
    ready = false;
    ramp.close();
    rollout.close();
    windows.close();
    rooms.close();
    jetty.close();
    sessions.close();
    metrics.close();
    token.deleteGeneratedFile();
  }
}
