package dev.protoshift.session;

/**
 * What the session library measures, for a metrics system of the game's choice. Every method is
 * called on the hot path (per message, per tick): implementations must be thread-safe, quick and
 * never throw. Tags are bounded: {@code protocol} ({@code json}, {@code protobuf}), {@code version}
 * (the version class a connection is served, e.g. {@code 1.0.0}), {@code type} (message type),
 * {@code reason} (a decision reason, decode error kind or drop reason), {@code code} (close code);
 * never a player, connection or room id.
 *
 * <p>protoshift-session-micrometer binds this to Micrometer with the names of docs/metrics.md
 * ({@code protoshift_ws_connections}, {@code protoshift_encode_seconds}, ...). {@link #NONE} records
 * nothing.
 */
public interface SessionMetrics {

  /** Records nothing. */
  SessionMetrics NONE = new SessionMetrics() {};

  /** Which way a message went. */
  enum Direction {
    /** Server to client. */
    OUT("out"),
    /** Client to server. */
    IN("in");

    private final String tag;

    Direction(String tag) {
      this.tag = tag;
    }

    /** {@code out} or {@code in}. */
    public String tag() {
      return tag;
    }
  }

  /** One WebSocket message sent or received: its size (bandwidth). */
  default void messageSize(String protocol, String version, String type, Direction direction, int bytes) {}

  /** One conversion and encoding of a message for a cohort (once per cohort and tick for states). */
  default void encoded(String protocol, String version, String type, long nanos) {}

  /** One decoding and conversion of an inbound message. */
  default void decoded(String protocol, String version, String type, long nanos) {}

  /** An inbound message that did not decode; {@code reason} is the {@code DecodeException} code. */
  default void decodeError(String protocol, String version, String reason) {}

  /** A connection joined the (protocol, version) group it is served in now (opened, or switched). */
  default void connectionEntered(String protocol, String version) {}

  /** A connection left a (protocol, version) group (closed, or switched). */
  default void connectionLeft(String protocol, String version) {}

  /** A WebSocket session opened. */
  default void connectionOpened() {}

  /**
   * A WebSocket session ended: {@code code} is the close code the server sent if it closed the
   * session, else the one the transport reported (1006 for a dropped connection).
   */
  default void connectionClosed(int code) {}

  /** A rollout decision (at connect, at hello, and at every re-decision). */
  default void decision(String protocol, String reason) {}

  /** A live connection changed protocol; {@code reason} is the decision reason that caused it. */
  default void switched(String from, String to, String reason) {}

  /** A state dropped from a slow connection's queue because a newer one replaced it. */
  default void updateDropped(String protocol, String version) {}

  /** An inbound message dropped before decoding (e.g. {@code rate_limited}). */
  default void inboundDropped(String reason) {}

  /** A sampled shadow check of what a cohort was sent found it differs from what its view must contain. */
  default void shadowMismatch(String protocol, String version) {}

  /** A sampled shadow check ran (matching or not). */
  default void shadowChecked(String protocol, String version) {}
}
