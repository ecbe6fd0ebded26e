package dev.protoshift.tools.loadtest;

import java.util.List;

/**
 * The outcome of checking a comparison against {@link Targets}: one check per target. It
 * passes when no check is {@link Status#MISSED} or {@link Status#NOT_MEASURED}.
 *
 * @param checks the checks, in the order of the targets
 */
public record Verdict(List<Check> checks) {

  public Verdict {
    checks = List.copyOf(checks);
  }

  /** How a target fared. */
  public enum Status {
    /** The target is met. */
    MET,
    /** Met, but a figure rose without the rise being significant: worth a look. */
    WARNING,
    /** The target is missed. */
    MISSED,
    /** The figure the target needs was not measured: counts as missed. */
    NOT_MEASURED;

    /** True for the statuses that fail a verdict. */
    public boolean fails() {
      return this == MISSED || this == NOT_MEASURED;
    }
  }

  /**
   * One target's check.
   *
   * @param target what was required, e.g. "bandwidth at least 30% lower"
   * @param status how it fared
   * @param detail the figures behind it
   */
  public record Check(String target, Status status, String detail) {}

  /** True if every target is met (warnings allowed). */
  public boolean passed() {
    return checks.stream().noneMatch(c -> c.status().fails());
  }

  /** The checks that fail the verdict. */
  public List<Check> failures() {
    return checks.stream().filter(c -> c.status().fails()).toList();
  }
}
