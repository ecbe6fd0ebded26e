package dev.protoshift.server.session;

import dev.protoshift.server.CloseCode;
import dev.protoshift.server.game.Occupant;
import dev.protoshift.server.game.Room;
import dev.protoshift.server.transport.GameSocket;
import dev.protoshift.server.transport.InboundLimiter;
import dev.protoshift.server.transport.OutboundFrame;
import dev.protoshift.server.transport.SendQueue;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One player's game connection: its socket, its bounded send queue, its inbound limits, its
 * seat in a room. Jetty calls the {@link GameSocket.Handler} methods one at a time; the room
 * calls {@link #seated} and {@link #sendState} on its tick thread.
 */
public final class PlayerConnection implements Occupant, GameSocket.Handler {

  private static final System.Logger LOG = System.getLogger(PlayerConnection.class.getName());

  private final ServerContext context;
  private final String roomId;
  private final String displayName;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile Session session;
  private volatile SendQueue queue;
  private volatile Room room;
  private volatile String ghostId;
  private InboundLimiter limiter;

  PlayerConnection(ServerContext context, String roomId, String displayName) {
    this.context = context;
    this.roomId = roomId;
    this.displayName = displayName;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  public String roomId() {
    return roomId;
  }

  /** The id of this player's ghost, once seated. */
  public String ghostId() {
    return ghostId;
  }

  @Override
  public void opened(Session session) {
    this.session = session;
    this.queue = new SendQueue(GameSocket.sink(session), context.settings().maxQueuedControlFrames(), System::nanoTime);
    this.limiter = new InboundLimiter(context.settings().inboundRatePerSecond(), context.settings().inboundBurst(),
        context.settings().inboundCloseAfterDrops(), 10_000_000_000L, System.nanoTime());
    context.connections().add(this);
    context.metrics().connectionOpened();
    if (context.draining()) {
      close(CloseCode.SERVICE_RESTART, context.reconnectHint());
      return;
    }
    context.rooms().join(roomId, this).ifPresentOrElse(r -> room = r, () -> {
      context.metrics().upgradeRejected("rooms_full");
      close(CloseCode.TRY_AGAIN_LATER, "too many rooms; reconnect later");
    });
  }

  @Override
  public void seated(Room room, String ghostId) {
    this.ghostId = ghostId;
  }

  @Override
  public void text(String message) {
    if (!admit()) {
      return;
    }
    context.metrics().messageSize("json", "none", "text", dev.protoshift.server.metrics.ServerMetrics.Direction.IN,
        message.length());
  }

  @Override
  public void binary(ByteBuffer message) {
    if (!admit()) {
      return;
    }
  }

  /** Applies the inbound rate limit; false if the message is to be ignored. */
  private boolean admit() {
    if (closing.get()) {
      return false;
    }
    switch (limiter.check(System.nanoTime())) {
      case ACCEPT:
        return true;
      case DROP:
        context.metrics().inboundDropped("rate_limited");
        return false;
      default:
        context.metrics().inboundDropped("rate_limited");
        close(CloseCode.RATE_LIMITED, "more than " + context.settings().inboundRatePerSecond() + " messages/s for too long");
        return false;
    }
  }

  /**
   * Offers a state frame (on the room's tick thread). A connection that has stayed behind for
   * longer than the slow-consumer timeout is closed with {@link CloseCode#TOO_SLOW}.
   */
  public void sendState(OutboundFrame frame, String protocol, String version) {
    SendQueue q = queue;
    if (q == null) {
      return;
    }
    if (q.offerState(frame) == SendQueue.Offer.SUPERSEDED) {
      context.metrics().updateDropped(protocol, version);
    }
    if (q.behindNanos() > context.settings().slowConsumerTimeout().toNanos()) {
      close(CloseCode.TOO_SLOW, "behind for more than " + context.settings().slowConsumerTimeout().toMillis() + " ms");
    }
  }

  /** Offers a control message; closes the connection if too many are waiting. */
  public void sendControl(String json) {
    SendQueue q = queue;
    if (q != null && q.offerControl(OutboundFrame.control(json)) == SendQueue.Offer.OVERFLOW) {
      close(CloseCode.TOO_SLOW, "too many control messages waiting");
    }
  }

  /** Closes the connection with one of the documented codes; idempotent. */
  public void close(CloseCode code, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    Session s = session;
    SendQueue q = queue;
    if (q != null) {
      q.close();
    }
    if (s != null) {
      s.close(code.code(), CloseCode.reason(reason), Callback.NOOP);
    }
  }

  @Override
  public void closed(int code, String reason) {
    closing.set(true);
    SendQueue q = queue;
    if (q != null) {
      q.close();
    }
    Room r = room;
    if (r != null) {
      r.leave(this);
    }
    context.connections().remove(this);
    context.metrics().connectionClosed(code);
  }

  @Override
  public void failed(Throwable cause) {
    LOG.log(Level.DEBUG, () -> "connection in room " + roomId + " failed: " + cause);
  }

  /** Frames sent, bytes sent and updates dropped so far. */
  public SendQueue queue() {
    return queue;
  }

  public boolean isOpen() {
    Session s = session;
    return s != null && s.isOpen() && !closing.get();
  }
}
