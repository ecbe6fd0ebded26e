package dev.protoshift.tools.loadtest;

import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.Locale;
import java.util.Optional;

/** How a load-test client declares its protocol and version (docs/versioning.md). */
public enum ClientHandshake {
  /** Protobuf clients: {@code ?proto_version=V}; JSON clients with a version: subprotocol; legacy JSON: nothing. */
  AUTO,
  /** {@code ?proto_version=V} (declares protobuf support; not possible for a JSON-only client with a version). */
  QUERY,
  /** {@code Sec-WebSocket-Protocol} offers: {@code protoshift.protobuf.vX.Y, protoshift.json.vX.Y}, or JSON only. */
  SUBPROTOCOL,
  /** A first-frame {@code hello} text message. */
  HELLO;

  /** The option value, e.g. {@code subprotocol}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The handshake a client with this protocol and version actually uses: {@code NONE}
   * (returned as empty) for a legacy JSON client, whatever was asked.
   *
   * @throws IllegalArgumentException if the combination cannot be expressed (a JSON-only
   *     client with a version over the query parameter, which always declares protobuf support)
   */
  public Optional<ClientHandshake> resolve(Protocol protocol, Optional<ProtocolVersion> version) {
    if (version.isEmpty()) {
      if (protocol == Protocol.PROTOBUF) {
        throw new IllegalArgumentException("a protobuf client must declare a version (--proto-version)");
      }
      return Optional.empty();
    }
    return switch (this) {
      case AUTO -> Optional.of(protocol == Protocol.PROTOBUF ? QUERY : SUBPROTOCOL);
      case QUERY -> {
        if (protocol == Protocol.JSON) {
          throw new IllegalArgumentException("--handshake query declares protobuf support; a JSON client with a"
              + " version needs --handshake subprotocol or hello (or --proto-version none for legacy JSON)");
        }
        yield Optional.of(QUERY);
      }
      default -> Optional.of(this);
    };
  }
}
