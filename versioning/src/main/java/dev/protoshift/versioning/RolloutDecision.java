package dev.protoshift.versioning;

import java.util.Objects;

/**
 * Which protocol a connection gets, and why.
 *
 * @param protocol the protocol; always {@code reason.protocol()}
 * @param reason why
 */
public record RolloutDecision(Protocol protocol, DecisionReason reason) {

  public RolloutDecision {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(reason, "reason");
    if (protocol != reason.protocol()) {
      throw new IllegalArgumentException("reason " + reason + " leads to " + reason.protocol() + ", not " + protocol);
    }
  }

  /** The decision a reason leads to. */
  public static RolloutDecision of(DecisionReason reason) {
    return new RolloutDecision(reason.protocol(), reason);
  }

  /** {@code protobuf (in_rollout)}. */
  @Override
  public String toString() {
    return protocol + " (" + reason + ")";
  }
}
