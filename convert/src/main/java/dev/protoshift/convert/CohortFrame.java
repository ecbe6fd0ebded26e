package dev.protoshift.convert;

/**
 * One state converted and encoded once for one {@link Cohort}, ready for each of its members: a
 * binary frame's payload for protobuf, a text frame's UTF-8 bytes for JSON.
 *
 * <p>Without a per-recipient step every member gets {@link #shared()}. With one (a {@link
 * RecipientSplicer}), {@link #forRecipient} assembles a member's frame from pieces encoded once:
 * no conversion and no encoding per member, and the bytes are the ones encoding that member's
 * own message would give.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface CohortFrame {

  /** The cohort this frame was encoded for. */
  Cohort cohort();

  /**
   * The frame for a member without a per-recipient part (every member, when there is no
   * per-recipient step; a spectator's otherwise). The same array each call: do not modify it.
   */
  byte[] shared();

  /**
   * The frame for one member.
   *
   * @param recipientId the member's id in the state (e.g. its player's entity id), or {@code null}
   *     for a member without one, which gets {@link #shared()}
   * @throws IllegalArgumentException if a per-recipient step does not know {@code recipientId}
   */
  default byte[] forRecipient(String recipientId) {
    return shared();
  }

  /** True if the frame goes out as a binary WebSocket frame (protobuf), false for text (JSON). */
  default boolean binary() {
    return cohort().protocol().isBinary();
  }
}
