package dev.protoshift.versioning;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What server and client agreed on: the protocol (decided by the rollout gate), the schema
 * version the server speaks to this client, the features, and why.
 *
 * @param handshake how the client declared itself
 * @param client what the client offered, as given to the gate; keep it to re-decide later
 * @param versionStatus how the client's version relates to the supported range
 * @param version the agreed schema version; empty only for a legacy client that declared none
 * @param features the agreed features, sorted
 * @param decision the protocol and the reason for it
 * @param subprotocol the {@code Sec-WebSocket-Protocol} value to accept in the upgrade response, if any
 */
public record Agreement(
    Handshake handshake,
    ClientCapabilities client,
    VersionStatus versionStatus,
    Optional<ProtocolVersion> version,
    SortedSet<String> features,
    RolloutDecision decision,
    Optional<String> subprotocol) implements Negotiation {

  public Agreement {
    Objects.requireNonNull(handshake, "handshake");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(versionStatus, "versionStatus");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(subprotocol, "subprotocol");
    features = Collections.unmodifiableSortedSet(new TreeSet<>(features));
    if (!versionStatus.isAccepted()) {
      throw new IllegalArgumentException("an agreement cannot have version status " + versionStatus);
    }
    requireClientCanTake(client, decision);
  }

  /** The protocol this connection uses: {@code decision().protocol()}. */
  public Protocol protocol() {
    return decision.protocol();
  }

  /**
   * This agreement with a new rollout decision (after a config change). The version, features
   * and subprotocol stay; a server switches the protocol in-band.
   *
   * @throws IllegalArgumentException if the decision gives protobuf to a client that did not offer it
   */
  public Agreement withDecision(RolloutDecision newDecision) {
    return new Agreement(handshake, client, versionStatus, version, features, newDecision, subprotocol);
  }

  /**
   * The {@code hello_ack} JSON text frame, e.g. {@code
   * {"type":"hello_ack","protocol":"protobuf","version":"1.1.0","features":["dag"],"reason":"in_rollout"}}.
   */
  public String helloAck() {
    return HandshakeJson.helloAck(this);
  }

  /** Same as {@link #helloAck()}. */
  @Override
  public String toJson() {
    return helloAck();
  }

  /** One line for logs, e.g. {@code query: protobuf (in_rollout), version 1.1.0 (older_supported), features [dag]}. */
  @Override
  public String toString() {
    return handshake + ": " + decision + ", version " + version.map(Object::toString).orElse("none") + " ("
        + versionStatus + ")" + client.declaredVersion().filter(d -> !version.equals(java.util.Optional.of(d)))
            .map(d -> ", declared " + d).orElse("")
        + ", features " + features + subprotocol.map(s -> ", subprotocol " + s).orElse("");
  }

  private static void requireClientCanTake(ClientCapabilities client, RolloutDecision decision) {
    if (decision.protocol() == Protocol.PROTOBUF && !client.protobufOffered()) {
      throw new IllegalArgumentException("decision " + decision + " gives protobuf to a client that did not offer it");
    }
  }
}
