package dev.protoshift.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.operations.ramp.GateResult;
import dev.protoshift.operations.ramp.GateResult.Verdict;
import dev.protoshift.operations.ramp.HealthReport.Counts;
import dev.protoshift.versioning.rollout.RampPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthGatesTest {

  static final RampPlan.Gates GATES = new RampPlan.Gates(0.01, 1.0, 0.5, 100, 1.0);
  static final long HOUR = 3_600_000;

  static List<Verdict> verdicts(Counts json, Counts protobuf) {
    return HealthGates.evaluate(GATES, json, protobuf).stream().map(GateResult::verdict).toList();
  }

  @Test
  void decodeErrors_failOnlyBeyondJsonsRatePlusTheMargin() {
    Counts json = new Counts(980, 20, 0, 0, 2 * HOUR); // 2%
    assertThat(verdicts(json, new Counts(970, 30, 0, 0, 2 * HOUR)).get(0)).isEqualTo(Verdict.PASS); // 3%: 2% + 1 point
    assertThat(verdicts(json, new Counts(969, 31, 0, 0, 2 * HOUR)).get(0)).isEqualTo(Verdict.FAIL);
    assertThat(verdicts(json, new Counts(50, 49, 0, 0, 2 * HOUR)).get(0)).isEqualTo(Verdict.NO_DATA); // 99 < 100
  }

  @Test
  void disconnects_perConnectionHour_comparedWithJsons() {
    Counts json = new Counts(0, 0, 0, 4, 2 * HOUR); // 2 per hour
    assertThat(verdicts(json, new Counts(0, 0, 0, 6, 2 * HOUR)).get(1)).isEqualTo(Verdict.PASS); // 3/h = 2 + 1
    assertThat(verdicts(json, new Counts(0, 0, 0, 7, 2 * HOUR)).get(1)).isEqualTo(Verdict.FAIL);
    assertThat(verdicts(json, new Counts(0, 0, 0, 7, HOUR / 2)).get(1)).isEqualTo(Verdict.NO_DATA);
  }

  @Test
  void switchBacks_perProtobufConnectionHour_againstTheMarginAlone() {
    Counts json = new Counts(0, 0, 0, 0, 0);
    assertThat(verdicts(json, new Counts(0, 0, 1, 0, 2 * HOUR)).get(2)).isEqualTo(Verdict.PASS);
    assertThat(verdicts(json, new Counts(0, 0, 2, 0, 2 * HOUR)).get(2)).isEqualTo(Verdict.FAIL);
    GateResult r = HealthGates.evaluate(GATES, json, new Counts(0, 0, 2, 0, 2 * HOUR)).get(2);
    assertThat(r.detail()).isEqualTo("switch_backs fail: 2 protobuf connections switched back to JSON in 2"
        + " connection-hours (1/h), margin 0.5/h");
  }

  @Test
  void noProtobufAtAll_givesNoVerdict_soNothingAdvancesOrRollsBack() {
    List<GateResult> r = HealthGates.evaluate(new RampPlan.Gates(0.01, 1, 1, 0, 0), new Counts(10, 5, 0, 3, HOUR),
        Counts.ZERO);
    assertThat(r).extracting(GateResult::verdict).containsOnly(Verdict.NO_DATA);
    assertThat(HealthGates.anyFails(r)).isFalse();
    assertThat(HealthGates.allPass(r)).isFalse();
  }
}
