package dev.protoshift.operations.ramp;

import java.util.List;

/**
 * What a {@link RampController} reports as it goes, for a metrics library to record
 * (docs/metrics.md, "Guarded ramp"); every method does nothing by default. The Micrometer binding
 * is {@code dev.protoshift.session.micrometer.MicrometerRampMetrics} in {@code
 * protoshift-session-micrometer}. Called from the controller's thread and from operator calls
 * ({@link RampController#pause()}, {@link RampController#resume()}): an implementation must be
 * thread-safe and must not block.
 */
public interface RampMetrics {

  /** Records nothing. */
  RampMetrics NONE = new RampMetrics() {};

  /**
   * This replica now applies {@code status} at {@code basisPoints}.
   *
   * @param status the ramp's status as this replica applies it
   * @param basisPoints the rollout percentage applied, in basis points (0 while off or waiting)
   * @param stepIndex the step applied, 0 for the first, -1 for none
   */
  default void applied(RampStatus status, int basisPoints, int stepIndex) {}

  /**
   * This replica wrote a change of the shared state.
   *
   * @param action what the change was
   */
  default void transition(RampEvent.Action action) {}

  /**
   * This replica's gates on its own counts at an evaluation.
   *
   * @param own one result per gate of {@link GateResult#GATES}
   */
  default void gates(List<GateResult> own) {}

  /** A read, write or lock of the shared state directory failed. */
  default void stateError() {}
}
