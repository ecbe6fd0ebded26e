package dev.protoshift.session;

import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.Negotiation;
import dev.protoshift.versioning.Rejection;
import dev.protoshift.versioning.Subprotocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of negotiating one upgrade request ({@link Sessions#upgrade}): what to answer in the
 * HTTP upgrade response, and the session to open once the WebSocket exists.
 *
 * <p>A refused handshake (a version the server does not support, a malformed offer) is still
 * upgraded: the refusal is sent inside the WebSocket as a {@code hello_reject} text frame, then
 * close 4000 or 4002, because a browser cannot read the body of a failed upgrade. For the same
 * reason a refused subprotocol handshake still selects a subprotocol the client offered (the
 * first protoshift one): a browser fails a connection whose server selected none of its offers,
 * and would never see the refusal.
 */
public final class Upgrade {

  private final Sessions<?> sessions;
  private final ConnectionIds ids;
  private final Negotiation negotiation;
  private final Optional<String> subprotocol;
  private boolean opened;

  Upgrade(Sessions<?> sessions, ConnectionIds ids, Negotiation negotiation, List<String> offered) {
    this.sessions = sessions;
    this.ids = ids;
    this.negotiation = negotiation;
    this.subprotocol = negotiation instanceof Agreement a ? a.subprotocol() : readableRefusal(negotiation, offered);
  }

  private static Optional<String> readableRefusal(Negotiation negotiation, List<String> offered) {
    if (negotiation instanceof Rejection r && r.handshake() == dev.protoshift.versioning.Handshake.SUBPROTOCOL) {
      return offered.stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::strip)
          .filter(Subprotocol::isProtoshift).findFirst();
    }
    return Optional.empty();
  }

  /** The {@code Sec-WebSocket-Protocol} to accept in the upgrade response, if any. */
  public Optional<String> subprotocol() {
    return subprotocol;
  }

  /** What the negotiation gave: an agreement, or a rejection to be sent once the WebSocket opens. */
  public Negotiation negotiation() {
    return negotiation;
  }

  /** True if the handshake was accepted. */
  public boolean accepted() {
    return negotiation instanceof Agreement;
  }

  /** Who the connection is. */
  public ConnectionIds ids() {
    return ids;
  }

  /**
   * Starts the session on its open WebSocket: a refused handshake sends its {@code hello_reject}
   * and closes; an accepted one counts in the gauges and is ready for the game to seat in a room.
   *
   * @throws IllegalStateException if this upgrade was opened already
   */
  public synchronized Session open(Transport transport) {
    Objects.requireNonNull(transport, "transport");
    if (opened) {
      throw new IllegalStateException("upgrade of " + ids + " was opened already");
    }
    opened = true;
    return sessions.open(ids, negotiation, transport);
  }
}
