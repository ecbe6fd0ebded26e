package dev.protoshift.convert;

import com.google.protobuf.Message;

/**
 * The optional per-recipient step of a {@link CohortEncoder}, for states whose message differs
 * per member (e.g. the member's own entity in a field of its own, the others in a list): it
 * encodes a cohort's converted message once, in pieces, and returns a frame that assembles each
 * member's bytes by copying them.
 *
 * <p>Contract, which {@link CohortEncoder#encodeForRecipient} lets a test check: for every
 * member, {@code frame.forRecipient(id)} equals the encoding of that member's own message (the
 * encoder's per-recipient mapping, converted for the cohort's view). The reference game's
 * {@code MeAndGhosts} is one implementation.
 *
 * <p>Implementations must be thread-safe.
 */
public interface RecipientSplicer {

  /**
   * Encodes the cohort's message once for splicing.
   *
   * @param cohort the cohort (its protocol says how to encode)
   * @param converted the state's shared message (no member's own part), already converted for
   *     the cohort's view
   * @param json the encoder's JSON codec, for JSON cohorts
   * @throws IllegalArgumentException if the message is not one this splicer knows
   */
  CohortFrame splice(Cohort cohort, Message converted, JsonCodec json);
}
