package dev.protoshift.operations.ramp;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One change of a guarded ramp's shared state, kept in its history.
 *
 * @param at when it was written
 * @param generation the state's generation this change created
 * @param action what happened
 * @param fromBasisPoints the percentage before, in basis points
 * @param toBasisPoints the percentage after
 * @param by the replica that wrote it
 * @param reason why, e.g. the failing gate with its figures
 */
public record RampEvent(Instant at, long generation, Action action, int fromBasisPoints, int toBasisPoints, String by, String reason) {

  /** What a change was; {@link #code()} is the {@code action} tag of {@code protoshift_ramp_transitions_total}. */
  public enum Action {
    /** A plan started (or a newer plan replaced an older one) at its first step. */
    START,
    /** The gates held for the step's soak: on to the next step. */
    ADVANCE,
    /** A gate failed: back to the last good step. */
    ROLLBACK,
    /** A gate failed with {@code on_failure: kill_switch}. */
    KILL_SWITCH,
    /** An operator held the ramp. */
    PAUSE,
    /** An operator let it go on (after a pause, a rollback or the kill switch). */
    RESUME;

    /** {@code start}, {@code advance}, {@code rollback}, ... */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The action of a code, or null. */
    public static Action of(String code) {
      for (Action a : values()) {
        if (a.code().equals(code)) {
          return a;
        }
      }
      return null;
    }
  }

  /** @throws NullPointerException if {@code at}, {@code action}, {@code by} or {@code reason} is null */
  public RampEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(reason, "reason");
  }
}
