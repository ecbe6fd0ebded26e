package dev.protoshift.server.window;

import java.util.Objects;

/**
 * What a connection's share of a window is counted under: the protocol it was served, the
 * decision reason it has (a {@code DecisionReason} code), the client version it declared ({@code
 * none} if it declared none) and whether it offered protobuf at all.
 */
public record ConnectionKey(String protocol, String reason, String clientVersion, boolean protobufOffered) {

  public ConnectionKey {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(clientVersion, "clientVersion");
  }
}
