package dev.protoshift.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.protoshift.operations.ramp.HealthReport;
import dev.protoshift.operations.ramp.HealthReport.Counts;
import dev.protoshift.operations.ramp.RampState;
import dev.protoshift.operations.ramp.RampStatus;
import dev.protoshift.versioning.rollout.RampPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RampPolicyTest {

  static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  static final Duration SOAK = Duration.ofHours(24);
  static final RampPlan.Gates GATES = new RampPlan.Gates(0.001, 1.0, 0.1, 100, 1.0);

  static RampPlan plan(RampPlan.OnFailure onFailure) {
    return new RampPlan(true, START, List.of(new RampPlan.Step(1_000, SOAK), new RampPlan.Step(2_500, SOAK),
        new RampPlan.Step(5_000, SOAK), new RampPlan.Step(10_000, SOAK)), Duration.ofMinutes(1),
        Duration.ofMinutes(15), onFailure, Path.of("ramp"), GATES);
  }

  static final RampPlan PLAN = plan(RampPlan.OnFailure.PREVIOUS_STEP);

  /** Healthy: 1,000 protobuf messages without errors, 2 connection-hours without disconnects. */
  static final Counts HEALTHY = new Counts(1_000, 0, 0, 0, 7_200_000);
  static final Counts JSON_HEALTHY = new Counts(1_000, 1, 0, 1, 7_200_000);
  /** Protobuf decode errors on 5% of messages. */
  static final Counts DECODE_ERRORS = new Counts(950, 50, 0, 0, 7_200_000);

  static RampState at(int step, RampStatus status, Instant since, long generation) {
    return new RampState(START, step, PLAN.basisPoints(step), status, since, generation, List.of());
  }

  static HealthReport report(String instance, long generation, Counts protobuf) {
    return new HealthReport(instance, START, generation, JSON_HEALTHY, protobuf);
  }

  @Test
  void noState_beforeTheStart_waits_atTheStart_startsAtTheFirstStep() {
    assertThat(RampPolicy.decide(PLAN, null, List.of(), START.minusSeconds(1), "a").next()).isEmpty();

    RampState s = RampPolicy.decide(PLAN, null, List.of(), START, "a").next().orElseThrow();

    assertThat(s.step()).isZero();
    assertThat(s.basisPoints()).isEqualTo(1_000);
    assertThat(s.status()).isEqualTo(RampStatus.RAMPING);
    assertThat(s.generation()).isEqualTo(1);
    assertThat(s.history()).extracting(e -> e.action() + " " + e.by()).containsExactly("START a");
  }

  @Test
  void soakOver_everyReplicaReported_gatesHold_advances() {
    RampState s = at(0, RampStatus.RAMPING, START, 4);
    Instant later = START.plus(SOAK);

    RampPolicy.Decision d = RampPolicy.decide(PLAN, s, List.of(report("a", 4, HEALTHY), report("b", 4, HEALTHY)),
        later, "b");

    RampState next = d.next().orElseThrow();
    assertThat(next.basisPoints()).isEqualTo(2_500);
    assertThat(next.generation()).isEqualTo(5);
    assertThat(next.since()).isEqualTo(later);
    assertThat(d.why()).startsWith("gates held for 86400s at 10%: decode_errors pass: protobuf 0 of 2000");
  }

  @Test
  void beforeTheSoak_orWithoutEvidence_orWithAReplicaNotYetReported_waits() {
    RampState s = at(0, RampStatus.RAMPING, START, 4);
    Instant later = START.plus(SOAK);

    assertThat(RampPolicy.decide(PLAN, s, List.of(report("a", 4, HEALTHY)), later.minusSeconds(1), "a").why())
        .isEqualTo("soaking at 10%: 86399s of 86400s");
    assertThat(RampPolicy.decide(PLAN, s, List.of(report("a", 4, new Counts(10, 0, 0, 0, 7_200_000))), later, "a")
        .why()).isEqualTo("waiting for evidence at 10%: decode_errors: no verdict, 10 protobuf messages of the 100 needed");
    assertThat(RampPolicy.decide(PLAN, s, List.of(report("a", 4, HEALTHY), report("b", 3, HEALTHY)), later, "a")
        .why()).isEqualTo("waiting for b to report for generation 4");
  }

  @Test
  void aGateFailingOnOneReplica_rollsBackToTheLastGoodStep_evenWhileSoaking() {
    RampState s = at(1, RampStatus.RAMPING, START, 7);

    RampPolicy.Decision d = RampPolicy.decide(PLAN, s, List.of(report("a", 7, HEALTHY), report("b", 7, DECODE_ERRORS)),
        START.plusSeconds(60), "a");

    RampState next = d.next().orElseThrow();
    assertThat(next.status()).isEqualTo(RampStatus.ROLLED_BACK);
    assertThat(next.step()).isZero();
    assertThat(next.basisPoints()).isEqualTo(1_000);
    assertThat(next.overrides().toMap()).containsOnlyKeys("rollout_percentage");
    assertThat(d.why()).startsWith("gate failed at 25%: b decode_errors fail: protobuf 50 of 1000 inbound messages"
        + " (0.05), JSON 1 of 1001 (0.000999), margin 0.001");
  }

  @Test
  void aFailingGate_withKillSwitchOnFailure_engagesTheKillSwitch_andStaysUntilResumed() {
    RampPlan kill = plan(RampPlan.OnFailure.KILL_SWITCH);
    RampState s = at(1, RampStatus.RAMPING, START, 7);

    RampState next = RampPolicy.decide(kill, s, List.of(report("a", 7, DECODE_ERRORS)), START.plusSeconds(60), "a")
        .next().orElseThrow();

    assertThat(next.status()).isEqualTo(RampStatus.KILL_SWITCH);
    assertThat(next.overrides().toMap()).containsEntry("enabled", false);
    assertThat(RampPolicy.decide(kill, next, List.of(report("a", 8, HEALTHY)), START.plus(SOAK.multipliedBy(3)), "a")
        .next()).isEmpty();
    RampState resumed = RampPolicy.resume(kill, next, START.plus(SOAK), "ops");
    assertThat(resumed.status()).isEqualTo(RampStatus.RAMPING);
    assertThat(resumed.basisPoints()).isEqualTo(1_000);
  }

  @Test
  void reportsOfAnOlderGeneration_areNotJudged() {
    RampState rolledBack = at(0, RampStatus.ROLLED_BACK, START, 8);

    assertThat(RampPolicy.decide(PLAN, rolledBack, List.of(report("a", 7, DECODE_ERRORS)), START.plusSeconds(60), "a")
        .next()).isEmpty();
  }

  @Test
  void aNewerPlan_restarts_anOlderOne_decidesNothing() {
    RampState s = at(3, RampStatus.DONE, START, 12);
    RampPlan newer = new RampPlan(true, START.plusSeconds(3_600), PLAN.steps(), PLAN.evaluationInterval(),
        PLAN.gateWindow(), PLAN.onFailure(), PLAN.stateDir(), GATES);

    RampState restarted = RampPolicy.decide(newer, s, List.of(), START.plusSeconds(3_600), "a").next().orElseThrow();
    assertThat(restarted.planStart()).isEqualTo(newer.start());
    assertThat(restarted.basisPoints()).isEqualTo(1_000);
    assertThat(restarted.generation()).isEqualTo(13);
    assertThat(RampPolicy.decide(PLAN, restarted, List.of(report("a", 13, DECODE_ERRORS)), START.plus(SOAK), "b").why())
        .startsWith("this replica's plan (start 2026-12-01T09:00:00Z) is older than the shared state's");
  }

  @Test
  void pauseAndResume_onlyFromTheirStatuses() {
    RampState s = at(1, RampStatus.RAMPING, START, 3);
    RampState paused = RampPolicy.pause(s, START.plusSeconds(5), "ops");

    assertThat(paused.status()).isEqualTo(RampStatus.PAUSED);
    assertThat(RampPolicy.decide(PLAN, paused, List.of(report("a", 4, HEALTHY)), START.plus(SOAK.multipliedBy(2)), "a")
        .next()).isEmpty();
    assertThatThrownBy(() -> RampPolicy.resume(PLAN, s, START, "ops")).hasMessage("the ramp is ramping: nothing to resume");
    assertThatThrownBy(() -> RampPolicy.pause(paused, START, "ops")).hasMessage("the ramp is paused, not ramping: nothing to pause");
    RampState fromZero = RampPolicy.resume(PLAN, at(-1, RampStatus.ROLLED_BACK, START, 9), START, "ops");
    assertThat(fromZero.step()).isZero();
    assertThat(fromZero.basisPoints()).isEqualTo(1_000);
  }

  @Test
  void decide_anyFailingReport_neverRaisesThePercentage_andAlwaysLowersIt() {
    qt().forAll(integers().between(0, 3), lists().of(booleans().all()).ofSizeBetween(1, 5),
            integers().between(0, 100_000))
        .checkAssert((step, failing, seconds) -> {
          RampState s = at(step, RampStatus.RAMPING, START, 2);
          List<HealthReport> reports = new java.util.ArrayList<>();
          for (int i = 0; i < failing.size(); i++) {
            reports.add(report("r" + i, 2, failing.get(i) ? DECODE_ERRORS : HEALTHY));
          }
          RampPolicy.Decision d = RampPolicy.decide(PLAN, s, reports, START.plusSeconds(seconds), "x");
          int after = d.next().map(RampState::basisPoints).orElse(s.basisPoints());
          if (failing.contains(true)) {
            assertThat(after).isLessThan(s.basisPoints());
          } else {
            assertThat(after).isGreaterThanOrEqualTo(s.basisPoints());
          }
        });
  }
}
