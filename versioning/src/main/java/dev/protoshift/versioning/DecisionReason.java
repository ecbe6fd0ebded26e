package dev.protoshift.versioning;

/**
 * Why a connection got the protocol it got. Each reason implies its protocol. {@link #code()} is a
 * stable lowercase name for logs and metric tags; it never contains a room or player id.
 *
 * <p>The rollout policy checks them in this order; the first that applies wins. {@link
 * #DECODE_ERRORS} is the one reason the policy never gives: a session sets it when a connection's
 * protobuf frames keep failing to decode, and it sticks for the connection's life.
 */
public enum DecisionReason {
  /** The room is in {@code force_disable_rooms}: JSON, whatever else is configured. */
  FORCED_OFF("forced_off", Protocol.JSON),
  /** The room is in {@code force_enable_rooms} and the client can take protobuf: protobuf even with the kill switch on. */
  FORCED_ON("forced_on", Protocol.PROTOBUF),
  /** {@code enabled: false}: protobuf is switched off for everyone but forced rooms. */
  KILL_SWITCH("kill_switch", Protocol.JSON),
  /** The client did not declare protobuf support. */
  NO_CLIENT_SUPPORT("no_client_support", Protocol.JSON),
  /** The client's version is below {@code min_client_version}. */
  CLIENT_TOO_OLD("client_too_old", Protocol.JSON),
  /** The id that {@code bucket_by} names (e.g. the player id) is missing, so the connection cannot be bucketed. */
  MISSING_BUCKET_KEY("missing_bucket_key", Protocol.JSON),
  /** The connection's bucket is below the rollout percentage. */
  IN_ROLLOUT("in_rollout", Protocol.PROTOBUF),
  /** The connection's bucket is at or above the rollout percentage. */
  OUT_OF_ROLLOUT("out_of_rollout", Protocol.JSON),
  /**
   * The connection sent too many protobuf frames that did not decode (its decode-error budget):
   * it was switched to JSON for the rest of its life, whatever the config says.
   */
  DECODE_ERRORS("decode_errors", Protocol.JSON);

  private final String code;
  private final Protocol protocol;

  DecisionReason(String code, Protocol protocol) {
    this.code = code;
    this.protocol = protocol;
  }

  public String code() {
    return code;
  }

  /** The protocol this reason leads to. */
  public Protocol protocol() {
    return protocol;
  }

  @Override
  public String toString() {
    return code;
  }
}
