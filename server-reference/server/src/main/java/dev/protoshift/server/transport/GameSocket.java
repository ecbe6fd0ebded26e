package dev.protoshift.server.transport;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty WebSocket endpoint of one game connection (public because Jetty requires it). It
 * only forwards events to its {@link Handler}, which holds the connection's logic; Jetty reads
 * the next frame only after the handler returned (auto-demand), so a connection's frames are
 * handled one at a time.
 */
public final class GameSocket implements Session.Listener.AutoDemanding {

  /** What a connection does with its socket's events. Implementations must not throw. */
  public interface Handler {
    void opened(Session session);

    void text(String message);

    /** The buffer is valid only during the call. */
    void binary(ByteBuffer message);

    void closed(int code, String reason);

    void failed(Throwable cause);
  }

  private final Handler handler;

  public GameSocket(Handler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void onWebSocketOpen(Session session) {
    handler.opened(session);
  }

  @Override
  public void onWebSocketText(String message) {
    handler.text(message);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    try {
      handler.binary(payload);
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    handler.closed(statusCode, reason);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    handler.failed(cause);
  }

  /** A {@link SendQueue.Sink} writing to a Jetty session. */
  public static SendQueue.Sink sink(Session session) {
    return (frame, callback) -> {
      Callback done = Callback.from(callback::succeeded, callback::failed);
      if (frame.isBinary()) {
        session.sendBinary(frame.binary(), done);
      } else {
        session.sendText(frame.text(), done);
      }
    };
  }
}
