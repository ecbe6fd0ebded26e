package dev.protoshift.versioning;

/**
 * The outcome of a handshake: an {@link Agreement} or a {@link Rejection}. Both render the JSON
 * text frame a client expects ({@code hello_ack} or {@code hello_reject}, see docs/versioning.md).
 */
public sealed interface Negotiation permits Agreement, Rejection {

  /** How the client declared itself. */
  Handshake handshake();

  /** The JSON text frame to send: a {@code hello_ack} for an agreement, a {@code hello_reject} for a rejection. */
  String toJson();
}
