package dev.protoshift.server;

import dev.protoshift.server.admin.AdminHandler;
import dev.protoshift.server.admin.AdminRoute;
import dev.protoshift.server.admin.AdminToken;
import dev.protoshift.server.game.Broadcaster;
import dev.protoshift.server.game.Rooms;
import dev.protoshift.server.metrics.ServerMetrics;
import dev.protoshift.server.session.AdminApi;
import dev.protoshift.server.session.GameServerFactory;
import dev.protoshift.server.session.GameUpgrade;
import dev.protoshift.server.session.PlayerConnection;
import dev.protoshift.server.session.ServerContext;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The reference game server: Jetty 12 WebSocket on {@code /ws} (no servlets), rooms ticking at
 * the configured rate, and the admin HTTP API on its own port.
 *
 * <pre>{@code
 * try (ReferenceServer server = ReferenceServer.start(ServerSettings.builder().port(0).build(), token)) {
 *   URI game = server.gameUri(); // ws://127.0.0.1:PORT/ws
 *   ...
 *   server.drain(); // what SIGTERM does: 1012 to every client, bounded wait
 * }
 * }</pre>
 */
public final class ReferenceServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ReferenceServer.class.getName());

  private final ServerSettings settings;
  private final ServerMetrics metrics;
  private final Rooms rooms;
  private final ServerContext context;
  private final RolloutConfigHolder rollout;
  private final Server game;
  private final ServerConnector gameConnector;
  private final Server admin;
  private final ServerConnector adminConnector;
  private final AdminToken token;
  private volatile boolean ready;

  private ReferenceServer(ServerSettings settings, AdminToken token, ServerMetrics metrics) {
    this.settings = settings;
    this.token = token;
    this.metrics = metrics;
    this.rollout = rolloutConfig(settings); // first: an invalid config refuses to start before anything runs
    // Rooms need the broadcaster, the broadcaster needs the context, the context needs the rooms.
    AtomicReference<Broadcaster> broadcaster = new AtomicReference<>();
    this.rooms = new Rooms(settings.rooms(), (tick, seats) -> broadcaster.get().broadcast(tick, seats),
        Clock.systemUTC(), metrics);
    this.context = new ServerContext(settings, metrics, rooms, rollout);
    broadcaster.set(GameServerFactory.broadcaster(context));
    rollout.addListener(GameServerFactory.liveRedecision(context));
    metrics.configSourceHealth(rollout::fileHealth);

    QueuedThreadPool gamePool = new QueuedThreadPool(200, 8);
    gamePool.setName("protoshift-game");
    this.game = new Server(gamePool);
    this.gameConnector = new ServerConnector(game, new HttpConnectionFactory(httpConfig()));
    gameConnector.setHost(settings.host());
    gameConnector.setPort(settings.port());
    game.addConnector(gameConnector);
    ContextHandler root = new ContextHandler("/");
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(game, root, container -> {
      container.setMaxTextMessageSize(settings.maxFrameBytes());
      container.setMaxBinaryMessageSize(settings.maxFrameBytes());
      container.setMaxFrameSize(settings.maxFrameBytes());
      container.setIdleTimeout(settings.idleTimeout());
      container.setMaxOutgoingFrames(settings.maxQueuedControlFrames() + 8);
      container.addMapping("/ws", new GameUpgrade(context));
    });
    ws.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(org.eclipse.jetty.server.Request request, Response response,
          org.eclipse.jetty.util.Callback callback) {
        String path = org.eclipse.jetty.server.Request.getPathInContext(request);
        if (path.equals("/ws")) {
          Response.writeError(request, response, callback, HttpStatus.UPGRADE_REQUIRED_426,
              "/ws is a WebSocket endpoint: send an upgrade request (ws://HOST:PORT/ws?room=ROOM)");
        } else {
          Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404,
              "nothing at " + path + "; the game endpoint is /ws?room=ROOM");
        }
        return true;
      }
    });
    root.setHandler(ws);
    game.setHandler(root);

    QueuedThreadPool adminPool = new QueuedThreadPool(16, 2);
    adminPool.setName("protoshift-admin");
    this.admin = new Server(adminPool);
    this.adminConnector = new ServerConnector(admin, 1, 1, new HttpConnectionFactory(httpConfig()));
    adminConnector.setHost(settings.adminHost());
    adminConnector.setPort(settings.adminPort());
    admin.addConnector(adminConnector);
    admin.setHandler(new AdminHandler(token, () -> ready, this::readinessDetails, adminRoutes()));
  }

  /**
   * The rollout config: defaults, the file (watched) if any, the environment.
   *
   * @throws dev.protoshift.versioning.rollout.InvalidConfigException if a source is invalid at start
   */
  private static RolloutConfigHolder rolloutConfig(ServerSettings settings) {
    RolloutConfigHolder.Builder b = RolloutConfigHolder.builder().environment(settings.environment());
    settings.configFile().ifPresent(b::watchFile);
    return b.build();
  }

  private static HttpConfiguration httpConfig() {
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    return config;
  }

  /**
   * Starts the game and admin servers.
   *
   * @throws dev.protoshift.versioning.rollout.InvalidConfigException if the rollout config (file or
   *     environment) is invalid
   * @throws Exception if a port cannot be bound (the message names host and port)
   */
  public static ReferenceServer start(ServerSettings settings, AdminToken token) throws Exception {
    return start(settings, token, ServerMetrics.prometheus());
  }

  /**
   * Starts the servers with the given metrics (for tests or embedding in an application that
   * has its own registry).
   *
   * @throws Exception if a port cannot be bound
   */
  public static ReferenceServer start(ServerSettings settings, AdminToken token, ServerMetrics metrics)
      throws Exception {
    ReferenceServer server = new ReferenceServer(settings, token, metrics);
    try {
      server.admin.start();
      server.game.start();
    } catch (Exception e) {
      server.close();
      throw new java.io.IOException("cannot start: game " + settings.host() + ":" + settings.port()
          + ", admin " + settings.adminHost() + ":" + settings.adminPort() + ": " + e.getMessage(), e);
    }
    server.ready = true;
    return server;
  }

  private List<AdminRoute> adminRoutes() {
    List<AdminRoute> routes = new ArrayList<>();
    routes.add(new AdminRoute("GET", "/metrics", body ->
        new AdminRoute.AdminResponse(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())));
    routes.addAll(new AdminApi(context).routes());
    return routes;
  }

  /**
   * What {@code /readyz} shows besides its status: the config file's health. A config file that
   * cannot be read does not make the server unready (a broken ConfigMap must not take every
   * replica out of service); it is shown here, counted in {@code protoshift_config_source_healthy}
   * and logged, and the last good config stays in force.
   */
  private Map<String, ?> readinessDetails() {
    return rollout.fileHealth().<Map<String, ?>>map(h -> Map.of("config_file", AdminApi.health(h))).orElse(Map.of());
  }

  /** The rollout config in force and its sources. */
  public RolloutConfigHolder rollout() {
    return rollout;
  }

  /** The game port (the bound one when 0 was asked for). */
  public int port() {
    return gameConnector.getLocalPort();
  }

  public int adminPort() {
    return adminConnector.getLocalPort();
  }

  /** {@code ws://HOST:PORT/ws}, with 127.0.0.1 for a wildcard bind. */
  public URI gameUri() {
    return URI.create("ws://" + connectHost(settings.host()) + ":" + port() + "/ws");
  }

  /** {@code http://HOST:PORT} of the admin API. */
  public URI adminUri() {
    return URI.create("http://" + connectHost(settings.adminHost()) + ":" + adminPort());
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

  public ServerMetrics metrics() {
    return metrics;
  }

  public AdminToken adminToken() {
    return token;
  }

  public ServerContext context() {
    return context;
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
    context.startDraining();
    try {
      gameConnector.close(); // stop accepting; open connections stay
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing the game port failed", e);
    }
    List<PlayerConnection> open = context.connections().all();
    LOG.log(Level.INFO, "draining: telling " + open.size() + " connections to reconnect (1012)");
    for (PlayerConnection c : open) {
      c.close(CloseCode.SERVICE_RESTART, context.reconnectHint());
    }
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    while (context.connections().count() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int left = context.connections().count();
    if (left > 0) {
      LOG.log(Level.WARNING, "drain timeout (" + settings.drainTimeout().toMillis() + " ms): " + left
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
    rollout.close();
    rooms.close();
    for (Server s : new Server[] {game, admin}) {
      try {
        s.stop();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "stopping Jetty failed", e);
      }
    }
    metrics.close();
  }

}
