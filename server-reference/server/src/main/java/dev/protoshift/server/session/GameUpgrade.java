package dev.protoshift.server.session;

import dev.protoshift.server.game.Rooms;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.Negotiation;
import java.util.List;
import java.util.regex.Pattern;
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
 * Decides whether an upgrade request on {@code /ws} becomes a game connection, and negotiates
 * it (query parameter or subprotocols; a hello comes later, as the first frame).
 *
 * <p>Refusals before a WebSocket exists are plain HTTP answers that name what was wrong: 400
 * (bad room, player or name), 403 (origin not allowed), 503 (draining or full). A refused
 * <em>version</em> handshake is answered inside the WebSocket instead (a {@code hello_reject}
 * text frame, then close 4000/4002), because a browser cannot read the body of a failed upgrade.
 */
public final class GameUpgrade implements WebSocketCreator {

  /** Longest display name accepted in {@code ?name=}. */
  public static final int MAX_NAME = 32;

  private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

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
    String playerId;
    String name;
    try {
      query = Request.extractQueryParameters(request);
      roomId = Rooms.requireRoomId(single(query, "room"));
      playerId = playerId(single(query, "player"));
      name = displayName(single(query, "name"));
    } catch (IllegalArgumentException e) {
      return refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, "bad_request", e.getMessage());
    }
    String connectionId = context.newConnectionId();
    Negotiation negotiation = context.negotiator().onUpgrade(request.getHttpURI().getQuery(),
        request.getSubProtocols(), context.gate(roomId, playerId, connectionId));
    if (negotiation instanceof Agreement a) {
      a.subprotocol().ifPresent(response::setAcceptedSubProtocol);
    }
    return new dev.protoshift.server.transport.GameSocket(
        new PlayerConnection(context, connectionId, roomId, playerId, name, negotiation));
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

  static String playerId(String id) {
    if (id == null || id.isEmpty()) {
      return null;
    }
    if (!PLAYER_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("player must be 1-128 characters of A-Z a-z 0-9 _ . : -, was \""
          + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "\"");
    }
    return id;
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
