package dev.protoshift.operations.internal;

import dev.protoshift.operations.ramp.GateResult;
import dev.protoshift.operations.ramp.HealthReport;
import dev.protoshift.operations.ramp.RampEvent;
import dev.protoshift.operations.ramp.RampEvent.Action;
import dev.protoshift.operations.ramp.RampState;
import dev.protoshift.operations.ramp.RampStatus;
import dev.protoshift.versioning.rollout.RampPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a guarded ramp does next: a pure function of the plan, the shared state, the replicas'
 * latest health reports and the time. Any replica may decide (under the shared lock): given the
 * same inputs every replica decides the same, so the fleet follows one state.
 *
 * <ul>
 *   <li>No state, or a plan with a later start than the state's: the plan starts at its first
 *       step once its start has come. A plan with an earlier start than the state's decides nothing.
 *   <li>A gate fails (on any replica's counts for the current generation, or on their sum): back to
 *       the last good step ({@code rolled_back}), or the kill switch ({@code kill_switch}).
 *   <li>{@code ramping}, the step's soak over, every live replica reported for the current
 *       generation and every gate passes on their sum: the next step ({@code done} at the last).
 *   <li>Otherwise nothing changes.
 * </ul>
 */
public final class RampPolicy {

  private RampPolicy() {}

  /**
   * A decision.
   *
   * @param next the new state, if it changes
   * @param why one line: what changed and why, or why nothing did
   * @param gates the gates' verdicts on the sum of the current generation's reports
   */
  public record Decision(Optional<RampState> next, String why, List<GateResult> gates) {

    static Decision none(String why, List<GateResult> gates) {
      return new Decision(Optional.empty(), why, gates);
    }
  }

  /**
   * @param state the shared state, or null if there is none yet
   * @param reports the latest report of every live replica (any generation)
   * @param by this replica, written into the history
   */
  public static Decision decide(RampPlan plan, RampState state, List<HealthReport> reports, Instant now, String by) {
    if (!plan.enabled()) {
      return Decision.none("no enabled plan", List.of());
    }
    if (state == null || plan.start().isAfter(state.planStart())) {
      if (now.isBefore(plan.start())) {
        return Decision.none("waiting for the plan's start at " + plan.start(), List.of());
      }
      List<RampEvent> history = state == null ? List.of() : state.history();
      RampState base = new RampState(plan.start(), -1, state == null ? 0 : state.basisPoints(), RampStatus.RAMPING,
          now, state == null ? 0 : state.generation(), history);
      RampState next = base.next(Action.START, 0, plan.basisPoints(0), statusAt(plan, 0), now, by,
          "plan of " + plan.start() + " started at step 1 of " + plan.steps().size());
      return new Decision(Optional.of(next), next.history().get(next.history().size() - 1).reason(), List.of());
    }
    if (plan.start().isBefore(state.planStart())) {
      return Decision.none("this replica's plan (start " + plan.start() + ") is older than the shared state's (start "
          + state.planStart() + "): it waits for its config to catch up", List.of());
    }
    List<HealthReport> current = reports.stream().filter(r -> r.generation() == state.generation()).toList();
    HealthReport.Counts json = HealthReport.Counts.ZERO;
    HealthReport.Counts protobuf = HealthReport.Counts.ZERO;
    List<String> failures = new ArrayList<>();
    for (HealthReport r : current) {
      json = json.plus(r.json());
      protobuf = protobuf.plus(r.protobuf());
      HealthGates.evaluate(plan.gates(), r.json(), r.protobuf()).stream()
          .filter(g -> g.verdict() == GateResult.Verdict.FAIL).forEach(g -> failures.add(r.instance() + " " + g.detail()));
    }
    List<GateResult> sum = HealthGates.evaluate(plan.gates(), json, protobuf);
    if (current.size() > 1) {
      sum.stream().filter(g -> g.verdict() == GateResult.Verdict.FAIL).forEach(g -> failures.add("all replicas " + g.detail()));
    }
    String at = RampText.pct(state.basisPoints());
    if (state.status() == RampStatus.KILL_SWITCH) {
      return Decision.none("the ramp engaged the kill switch; POST /admin/ramp/resume to go on", sum);
    }
    if (!failures.isEmpty()) {
      int back = state.step() - 1;
      if (state.step() < 0) {
        return Decision.none("gates fail at 0%, nothing to roll back: " + String.join("; ", failures), sum);
      }
      boolean kill = plan.onFailure() == RampPlan.OnFailure.KILL_SWITCH;
      RampState next = state.next(kill ? Action.KILL_SWITCH : Action.ROLLBACK, back, plan.basisPoints(back),
          kill ? RampStatus.KILL_SWITCH : RampStatus.ROLLED_BACK, now, by,
          "gate failed at " + at + ": " + String.join("; ", failures));
      return new Decision(Optional.of(next), next.history().get(next.history().size() - 1).reason(), sum);
    }
    if (state.status() != RampStatus.RAMPING) {
      return Decision.none("held at " + at + " (" + state.status().code() + ")", sum);
    }
    Duration soak = plan.steps().get(Math.max(0, Math.min(state.step(), plan.steps().size() - 1))).soak();
    Duration soaked = Duration.between(state.since(), now);
    if (soaked.compareTo(soak) < 0) {
      return Decision.none("soaking at " + at + ": " + soaked.toSeconds() + "s of " + soak.toSeconds() + "s", sum);
    }
    List<String> silent = reports.stream().filter(r -> r.generation() != state.generation()).map(HealthReport::instance)
        .toList();
    if (!silent.isEmpty() || current.isEmpty()) {
      return Decision.none("waiting for " + (current.isEmpty() ? "any replica" : String.join(", ", silent))
          + " to report for generation " + state.generation(), sum);
    }
    if (!HealthGates.allPass(sum)) {
      return Decision.none("waiting for evidence at " + at + ": " + String.join("; ", sum.stream()
          .filter(g -> g.verdict() != GateResult.Verdict.PASS).map(GateResult::detail).toList()), sum);
    }
    if (state.step() >= plan.steps().size() - 1) {
      return Decision.none("at the last step", sum);
    }
    int step = state.step() + 1;
    RampState next = state.next(Action.ADVANCE, step, plan.basisPoints(step), statusAt(plan, step), now, by,
        "gates held for " + soaked.toSeconds() + "s at " + at + ": "
            + String.join("; ", sum.stream().map(GateResult::detail).toList()));
    return new Decision(Optional.of(next), next.history().get(next.history().size() - 1).reason(), sum);
  }

  /**
   * An operator holds the ramp at its step.
   *
   * @throws IllegalStateException if it is not ramping or done
   */
  public static RampState pause(RampState state, Instant now, String by) {
    if (state.status() != RampStatus.RAMPING && state.status() != RampStatus.DONE) {
      throw new IllegalStateException("the ramp is " + state.status().code() + ", not ramping: nothing to pause");
    }
    return state.next(Action.PAUSE, state.step(), state.basisPoints(), RampStatus.PAUSED, now, by, "paused by an operator");
  }

  /**
   * An operator lets the ramp go on from its step (from the first step after a rollback to 0%); the
   * soak starts again.
   *
   * @throws IllegalStateException if it is not paused, rolled back or on the kill switch
   */
  public static RampState resume(RampPlan plan, RampState state, Instant now, String by) {
    if (state.status() == RampStatus.RAMPING || state.status() == RampStatus.DONE) {
      throw new IllegalStateException("the ramp is " + state.status().code() + ": nothing to resume");
    }
    int step = Math.max(0, Math.min(state.step(), plan.steps().size() - 1));
    return state.next(Action.RESUME, step, plan.basisPoints(step), statusAt(plan, step), now, by,
        "resumed by an operator at step " + (step + 1));
  }

  private static RampStatus statusAt(RampPlan plan, int step) {
    return step >= plan.steps().size() - 1 ? RampStatus.DONE : RampStatus.RAMPING;
  }
}
