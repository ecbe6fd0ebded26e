package dev.protoshift.versioning;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client declared in its handshake, after the server checked its version: the input a
 * {@link ProtocolGate} (the rollout policy) decides on.
 *
 * @param handshake how the client declared it
 * @param protobufOffered true if the client can take protobuf (a {@code proto_version}, a
 *     protobuf subprotocol, or a hello with {@code "protocol":"protobuf"})
 * @param declaredVersion the version the client declared, empty for a legacy client
 * @param agreedVersion the version the server will speak to it, empty for a legacy client
 */
public record ClientCapabilities(
    Handshake handshake,
    boolean protobufOffered,
    Optional<ProtocolVersion> declaredVersion,
    Optional<ProtocolVersion> agreedVersion) {

  public ClientCapabilities {
    Objects.requireNonNull(handshake, "handshake");
    Objects.requireNonNull(declaredVersion, "declaredVersion");
    Objects.requireNonNull(agreedVersion, "agreedVersion");
    if (protobufOffered && declaredVersion.isEmpty()) {
      throw new IllegalArgumentException("a client that offers protobuf must declare a version");
    }
  }

  /** A legacy client: no handshake, no version, JSON only. */
  public static ClientCapabilities legacy() {
    return new ClientCapabilities(Handshake.NONE, false, Optional.empty(), Optional.empty());
  }
}
