package dev.protoshift.convert;

import java.util.Objects;
import java.util.function.Function;

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

  /**
   * A frame every member gets as is (what {@link CohortEncoder} makes without a per-recipient
   * step), e.g. for a {@link StateEncoder} or {@link RecipientSplicer} of your own.
   *
   * @param shared the encoded frame; kept, not copied: do not modify it afterwards
   * @throws NullPointerException if an argument is null
   */
  static CohortFrame of(Cohort cohort, byte[] shared) {
    return new Frames.Shared(Objects.requireNonNull(cohort, "cohort"), Objects.requireNonNull(shared, "shared"));
  }

  /**
   * A frame with a per-recipient step: {@code forRecipient} assembles a member's frame; a member
   * without a recipient id ({@code null}) gets {@code shared}.
   *
   * @param shared the frame for members without a recipient id; kept, not copied
   * @param forRecipient a member's frame from its recipient id (never called with null); must be
   *     thread-safe, and may throw {@link IllegalArgumentException} for an id it does not know
   * @throws NullPointerException if an argument is null
   */
  static CohortFrame of(Cohort cohort, byte[] shared, Function<String, byte[]> forRecipient) {
    return new Frames.PerRecipient(Objects.requireNonNull(cohort, "cohort"), Objects.requireNonNull(shared, "shared"),
        Objects.requireNonNull(forRecipient, "forRecipient"));
  }
}

