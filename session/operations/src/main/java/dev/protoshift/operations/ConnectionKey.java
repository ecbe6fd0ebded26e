package dev.protoshift.operations;

import java.util.Objects;

/**
 * What a connection's share of a window is counted under. Immutable.
 *
 * @param protocol the protocol it was served, {@code json} or {@code protobuf}
 * @param reason the decision reason it has (a {@code DecisionReason} code such as {@code in_rollout})
 * @param clientVersion the client version it declared, {@code none} if it declared none, {@code
 *     other} beyond the 64 distinct versions a process keeps
 * @param protobufOffered whether the client offered protobuf at all
 */
public record ConnectionKey(String protocol, String reason, String clientVersion, boolean protobufOffered) {

  /** @throws NullPointerException if a text is null */
  public ConnectionKey {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(clientVersion, "clientVersion");
  }
}
