package dev.protoshift.convert;

import java.util.Collection;
import java.util.Map;

/**
 * What a room's fan-out needs each tick: a state's frame for each of its cohorts, and (to check
 * them) one member's frame encoded the plain way. {@link CohortEncoder} is the implementation to
 * use; a benchmark may substitute another (e.g. a per-connection baseline).
 *
 * @param <S> the game's state type
 */
public interface StateEncoder<S> {

  /**
   * Converts and encodes {@code state} once per view and cohort.
   *
   * @return a frame for each cohort, in the order given
   * @throws IllegalArgumentException if the state cannot be expressed for a cohort's view
   */
  Map<Cohort, CohortFrame> encodeAll(S state, Collection<Cohort> cohorts);

  /**
   * One member's frame the plain way, converting and encoding its own message: the bytes {@code
   * encodeAll(...).get(cohort).forRecipient(recipientId)} must equal.
   */
  byte[] encodeForRecipient(S state, Cohort cohort, String recipientId);
}
