package dev.protoshift.server.session;

import dev.protoshift.server.game.Rooms;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Decides whether an upgrade request on {@code /ws} becomes a game connection. Refusals are
 * plain HTTP answers that name what was wrong: 400 (bad query), 403 (origin not allowed), 503
 * (draining or full).
 */
public final class GameUpgrade implements WebSocketCreator {

  /** Longest display name accepted in {@code ?name=}. */
  public static final int MAX_NAME = 32;

  private final ServerContext context;

  public GameUpgrade(ServerContext context) {
    this.context = context;
  }

  @Override
  public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    if (context.draining()) {
      return refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "draining",
          "server is restarting; reconnect to another instance");
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (!context.origins().allows(origin)) {
      return refuse(request, response, callback, HttpStatus.FORBIDDEN_403, "origin",
          "origin \"" + origin + "\" is not allowed");
    }
    if (context.connections().count() >= context.settings().maxConnections()) {
      return refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "full",
          "server full (" + context.settings().maxConnections() + " connections)");
    }
    Fields query;
    String roomId;
    String name;
    try {
      query = Request.extractQueryParameters(request);
      roomId = Rooms.requireRoomId(single(query, "room"));
      name = displayName(single(query, "name"));
    } catch (IllegalArgumentException e) {
      return refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, "bad_request", e.getMessage());
    }
    PlayerConnection connection = new PlayerConnection(context, roomId, name);
    return new dev.protoshift.server.transport.GameSocket(connection);
  }

  private static String single(Fields query, String key) {
    List<String> values = query.getValues(key);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException("query parameter " + key + " given " + values.size() + " times; give it once");
    }
    return values.get(0);
  }

  static String displayName(String name) {
    if (name == null || name.isBlank()) {
      return "player";
    }
    if (name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name must be at most " + MAX_NAME + " printable characters, was \""
          + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "\"");
    }
    return name.strip();
  }

  private Object refuse(Request request, Response response, Callback callback, int status, String reason, String message) {
    context.metrics().upgradeRejected(reason);
    Response.writeError(request, response, callback, status, message);
    return null;
  }
}
