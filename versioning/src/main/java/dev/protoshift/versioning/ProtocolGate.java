package dev.protoshift.versioning;

/**
 * Decides which protocol a negotiated client gets: in a server, the rollout policy applied to the
 * current config and the connection's room, player and connection ids. The {@link Negotiator}
 * calls it once per accepted handshake; it never gives protobuf to a client that did not offer it.
 */
@FunctionalInterface
public interface ProtocolGate {

  /** The decision for this client; must not be {@code null}. */
  RolloutDecision decide(ClientCapabilities client);
}
