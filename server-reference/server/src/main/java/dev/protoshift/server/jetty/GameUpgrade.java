package dev.protoshift.server.jetty;

import dev.protoshift.server.game.Rooms;
import dev.protoshift.session.ConnectionIds;
import dev.protoshift.session.Sessions;
import dev.protoshift.session.Upgrade;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
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
 * Turns an upgrade request on {@code /ws} into a game connection: checks what only HTTP can answer
 * (draining, origin, capacity, room and player ids) with a plain HTTP error naming the problem,
 * then lets protoshift's {@link Sessions} negotiate. A refused <em>version</em> handshake is still
 * upgraded and refused inside the WebSocket (a browser cannot read a failed upgrade's body).
 * permessage-deflate is negotiated only if configured: it compresses every member's frame
 * separately, undoing encode-once.
 */
public final class GameUpgrade implements WebSocketCreator {

  /** Longest display name accepted in {@code ?name=}. */
  public static final int MAX_NAME = 32;

  private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private final Sessions<?> sessions;
  private final OriginPolicy origins;
  private final FaultInjector faults;
  private final GameEndpoint.Hooks hooks;
  private final IntSupplier maxConnections;
  private final boolean compression;
  private final Consumer<String> rejected;
  private final String idPrefix = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  private final AtomicLong nextId = new AtomicLong();

  /**
   * @param rejected counts an upgrade refused before a WebSocket exists, by reason
   */
  public GameUpgrade(Sessions<?> sessions, OriginPolicy origins, FaultInjector faults, GameEndpoint.Hooks hooks,
      IntSupplier maxConnections, boolean compression, Consumer<String> rejected) {
    this.sessions = sessions;
    this.origins = origins;
    this.faults = faults;
    this.hooks = hooks;
    this.maxConnections = maxConnections;
    this.compression = compression;
    this.rejected = rejected;
  }

  @Override
  public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    if (sessions.draining()) {
      return refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "draining",
          "server is restarting; reconnect to another instance");
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (!origins.allows(origin)) {
      return refuse(request, response, callback, HttpStatus.FORBIDDEN_403, "origin",
          "origin \"" + origin + "\" is not allowed");
    }
    if (sessions.count() >= maxConnections.getAsInt()) {
      return refuse(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "full",
          "server full (" + maxConnections.getAsInt() + " connections)");
    }
    String roomId;
    String playerId;
    String name;
    try {
      Fields query = Request.extractQueryParameters(request);
      roomId = Rooms.requireRoomId(single(query, "room"));
      playerId = playerId(single(query, "player"));
      name = displayName(single(query, "name"));
    } catch (IllegalArgumentException e) {
      return refuse(request, response, callback, HttpStatus.BAD_REQUEST_400, "bad_request", e.getMessage());
    }
    String connectionId = idPrefix + "-" + Long.toString(nextId.incrementAndGet(), 36);
    Upgrade upgrade = sessions.upgrade(request.getHttpURI().getQuery(), request.getSubProtocols(),
        new ConnectionIds(roomId, playerId, connectionId));
    upgrade.subprotocol().ifPresent(response::setAcceptedSubProtocol);
    if (!compression) {
      response.setExtensions(List.of());
    }
    String address = Request.getRemoteAddr(request);
    return new GameEndpoint(upgrade, new GameEndpoint.Player(roomId, address, name), faults, hooks);
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
    rejected.accept(reason);
    Response.writeError(request, response, callback, status, message);
    return null;
  }
}
