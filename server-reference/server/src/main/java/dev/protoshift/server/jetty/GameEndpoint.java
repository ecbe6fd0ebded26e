package dev.protoshift.server.jetty;

import dev.protoshift.session.Upgrade;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty endpoint of one game connection (public because Jetty requires it): it opens the
 * protoshift session on the upgraded connection and forwards every event to it. Jetty reads the
 * next frame only after the previous one was handled (auto-demand), so a connection's frames
 * reach the session one at a time.
 */
public final class GameEndpoint implements Session.Listener.AutoDemanding {

  /** What the server does when a connection opens and closes. */
  public interface Hooks {
    /** The session is open; seat it (an accepted one) in its room. */
    void opened(dev.protoshift.session.Session session, Player player);

    /** The connection ended, with the close code the transport reported (1006 for a dropped connection). */
    void closed(dev.protoshift.session.Session session, int code);

    /** A frame was corrupted on purpose ({@code INJECT_PROTO_ERRORS}). */
    void faultInjected();
  }

  /** Who connected: from the upgrade request. */
  public record Player(String roomId, String address, String displayName) {}

  private final Upgrade upgrade;
  private final Player player;
  private final FaultInjector faults;
  private final Hooks hooks;
  private volatile dev.protoshift.session.Session session;

  GameEndpoint(Upgrade upgrade, Player player, FaultInjector faults, Hooks hooks) {
    this.upgrade = upgrade;
    this.player = player;
    this.faults = faults;
    this.hooks = hooks;
  }

  @Override
  public void onWebSocketOpen(Session jetty) {
    session = upgrade.open(new JettyTransport(jetty));
    hooks.opened(session, player);
  }

  @Override
  public void onWebSocketText(String message) {
    session.onText(message);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    try {
      ByteBuffer frame = faults.maybeCorrupt(payload);
      if (FaultInjector.corrupted(payload, frame)) {
        hooks.faultInjected();
      }
      session.onBinary(frame);
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    dev.protoshift.session.Session s = session;
    if (s != null) {
      s.onClosed(statusCode, reason);
      hooks.closed(s, statusCode);
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    dev.protoshift.session.Session s = session;
    if (s != null) {
      s.onError(cause);
    }
  }
}
