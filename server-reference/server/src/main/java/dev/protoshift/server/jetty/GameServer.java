package dev.protoshift.server.jetty;

import dev.protoshift.server.ServerSettings;
import dev.protoshift.session.SessionLimits;
import dev.protoshift.session.Sessions;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The two Jetty 12 servers of the reference server: the game port ({@code /ws}, WebSocket only)
 * and the admin port. Slow or hostile HTTP is bounded before a WebSocket exists: at most {@code
 * maxConnections} TCP connections (half-sent upgrades included), and a connection that has not
 * sent a whole request within the request header timeout is closed.
 */
public final class GameServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(GameServer.class.getName());

  private final Server game;
  private final ServerConnector gameConnector;
  private final Server admin;
  private final ServerConnector adminConnector;

  public GameServer(ServerSettings.Network network, SessionLimits limits, Sessions<?> sessions, OriginPolicy origins,
      FaultInjector faults, GameEndpoint.Hooks hooks, Consumer<String> rejected, Handler adminHandler) {
    QueuedThreadPool gamePool = new QueuedThreadPool(200, 8);
    gamePool.setName("protoshift-game");
    this.game = new Server(gamePool);
    HttpConnectionFactory gameHttp = new HttpConnectionFactory(httpConfig());
    this.gameConnector = new ServerConnector(game, gameHttp);
    gameConnector.setHost(network.host());
    gameConnector.setPort(network.port());
    gameConnector.setIdleTimeout(network.idleTimeout().toMillis());
    // Every TCP connection counts, upgrades still being read included; a few spare for refusals.
    game.addBean(new NetworkConnectionLimit(network.maxConnections() + 16, gameConnector));
    // On the HTTP factory, not the connector: a connector's listeners also see the WebSocket
    // connection an upgrade puts in the HTTP one's place, and a spectator that never sends a
    // frame must not be cut off.
    gameHttp.addEventListener(new RequestHeaderTimeout(gameConnector, network.requestHeaderTimeout()));
    game.addConnector(gameConnector);
    ContextHandler root = new ContextHandler("/");
    GameUpgrade upgrade = new GameUpgrade(sessions, origins, faults, hooks, network::maxConnections,
        network.compression(), rejected);
    WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(game, root, container -> {
      container.setMaxTextMessageSize(network.maxFrameBytes());
      container.setMaxBinaryMessageSize(network.maxFrameBytes());
      container.setMaxFrameSize(network.maxFrameBytes());
      container.setIdleTimeout(network.idleTimeout());
      container.setMaxOutgoingFrames(limits.maxQueuedControlFrames() + 8);
      container.addMapping("/ws", upgrade);
    });
    ws.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
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
    HttpConnectionFactory adminHttp = new HttpConnectionFactory(httpConfig());
    this.adminConnector = new ServerConnector(admin, 1, 1, adminHttp);
    adminConnector.setHost(network.adminHost());
    adminConnector.setPort(network.adminPort());
    adminHttp.addEventListener(new RequestHeaderTimeout(adminConnector, network.requestHeaderTimeout()));
    admin.addConnector(adminConnector);
    admin.setHandler(adminHandler);
  }

  private static HttpConfiguration httpConfig() {
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    return config;
  }

  /** Starts the admin port, then the game port. */
  public void start() throws Exception {
    admin.start();
    game.start();
  }

  public int gamePort() {
    return gameConnector.getLocalPort();
  }

  public int adminPort() {
    return adminConnector.getLocalPort();
  }

  /** Stops accepting game connections; open ones stay (a drain). */
  public void stopAccepting() {
    try {
      gameConnector.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing the game port failed", e);
    }
  }

  @Override
  public void close() {
    for (Server s : new Server[] {game, admin}) {
      try {
        s.stop();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "stopping Jetty failed", e);
      }
    }
  }

  /**
   * Closes an HTTP connection that has not delivered a whole request within the timeout: a
   * client trickling one header line at a time would otherwise hold it open forever, since every
   * byte resets the idle timeout. Only HTTP/1.1 connections are timed: the WebSocket connection
   * that replaces one at the upgrade is left alone.
   */
  private static final class RequestHeaderTimeout implements Connection.Listener {
    private final ServerConnector connector;
    private final Duration timeout;

    RequestHeaderTimeout(ServerConnector connector, Duration timeout) {
      this.connector = connector;
      this.timeout = timeout;
    }

    @Override
    public void onOpened(Connection connection) {
      try {
        connector.getScheduler().schedule(() -> {
          if (connection.getEndPoint().getConnection() == connection && connection.getMessagesIn() == 0
              && connection.getEndPoint().isOpen()) {
            LOG.log(Level.DEBUG, () -> "no whole request within " + timeout.toMillis() + " ms from "
                + connection.getEndPoint().getRemoteSocketAddress() + "; closing");
            connection.getEndPoint().close();
          }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // stopping
      }
    }

    @Override
    public void onClosed(Connection connection) {}
  }
}
