package dev.protoshift.versioning.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RampPlanTest {

  static RampPlan parse(String yaml) {
    return RampPlan.parseFile(yaml, "config.yaml").orElseThrow();
  }

  @Test
  void parseFile_fullPlan_everyKeyRead() {
    RampPlan plan = parse("""
        protobuf:
          enabled: true
        protobuf_ramp:
          enabled: true
          start: "2026-12-01T09:00:00Z"
          steps: [10, {percent: 25, soak: 48h}, 50, 100]
          soak: 24h
          evaluation_interval: 30s
          gate_window: 10m
          on_failure: kill_switch
          state_dir: /var/lib/protoshift/ramp
          gates:
            decode_error_margin: 0.002
            disconnect_margin: 2
            switch_back_margin: 0.5
            min_protobuf_messages: 500
            min_protobuf_connection_hours: 0.5
        """);

    assertThat(plan.enabled()).isTrue();
    assertThat(plan.start()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(plan.steps()).extracting(s -> s.percentage().toPlainString() + "/" + s.soak().toHours())
        .containsExactly("10/24", "25/48", "50/24", "100/24");
    assertThat(plan.evaluationInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(plan.gateWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(plan.onFailure()).isEqualTo(RampPlan.OnFailure.KILL_SWITCH);
    assertThat(plan.stateDir()).isEqualTo(Path.of("/var/lib/protoshift/ramp"));
    assertThat(plan.gates()).isEqualTo(new RampPlan.Gates(0.002, 2, 0.5, 500, 0.5));
    assertThat(plan.basisPoints(-1)).isZero();
    assertThat(plan.basisPoints(1)).isEqualTo(2_500);
  }

  @Test
  void parseFile_onlyTheRequiredKeys_defaultsForTheRest() {
    RampPlan plan = parse("""
        protobuf_ramp:
          enabled: true
          start: "2026-12-01T10:00:00+01:00"
          steps: [12.5, 100]
          state_dir: ramp
        """);

    assertThat(plan.start()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(plan.steps()).extracting(RampPlan.Step::basisPoints).containsExactly(1_250, 10_000);
    assertThat(plan.steps()).allMatch(s -> s.soak().equals(Duration.ofHours(24)));
    assertThat(plan.evaluationInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(plan.gateWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(plan.onFailure()).isEqualTo(RampPlan.OnFailure.PREVIOUS_STEP);
    assertThat(plan.gates()).isEqualTo(RampPlan.Gates.DEFAULTS);
  }

  @Test
  void parseFile_withoutTheSection_isEmpty_andADisabledSectionNeedsNothing() {
    assertThat(RampPlan.parseFile("protobuf:\n  enabled: true\n", "f")).isEmpty();
    assertThat(RampPlan.parseFile("protobuf_ramp:\n", "f")).isEmpty();
    assertThat(parse("protobuf_ramp:\n  enabled: false\n").enabled()).isFalse();
  }

  @Test
  void parseFile_everyProblem_isReported_namingKeyAndValue() {
    assertThatThrownBy(() -> parse("""
        protobuf_ramp:
          enabled: "yes"
          start: tomorrow
          steps: [10, 50, 25, 0, 140, 12.345]
          soak: 24
          evaluation_interval: 2h
          gate_window: 10ms
          on_failure: panic
          state_dir: ""
          stpes: [1]
          gates: {decode_error_margin: 2, min_protobuf_messages: 1.5, margin: 1}
        """))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("invalid rollout config (config.yaml): ")
        .hasMessageContaining("unknown key protobuf_ramp.stpes; known keys: enabled, evaluation_interval, gate_window,")
        .hasMessageContaining("protobuf_ramp.enabled must be true or false, was \"yes\" (a string)")
        .hasMessageContaining("protobuf_ramp.start must be a quoted instant such as \"2026-12-01T09:00:00Z\", was \"tomorrow\"")
        .hasMessageContaining("protobuf_ramp.soak must be a duration such as 30s, 15m, 24h or PT24H, was 24")
        .hasMessageContaining("protobuf_ramp.steps must rise: step 3 (25) is not above step 2 (50)")
        .hasMessageContaining("protobuf_ramp.steps[4] must be above 0, was 0")
        .hasMessageContaining("protobuf_ramp.steps[5] must be 0..100, was 140")
        .hasMessageContaining("protobuf_ramp.steps[6] must be a multiple of 0.01, was 12.345")
        .hasMessageContaining("protobuf_ramp.evaluation_interval must be at most 1h, was \"2h\"")
        .hasMessageContaining("protobuf_ramp.gate_window must be at least 100ms, was \"10ms\"")
        .hasMessageContaining("protobuf_ramp.on_failure must be previous_step or kill_switch, was \"panic\" (a string)")
        .hasMessageContaining("protobuf_ramp.state_dir must be a directory path that every replica sees, was \"\"")
        .hasMessageContaining("unknown key protobuf_ramp.gates.margin")
        .hasMessageContaining("protobuf_ramp.gates.decode_error_margin must be a number 0..1, was 2")
        .hasMessageContaining("protobuf_ramp.gates.min_protobuf_messages must be a whole number, was 1.5");
  }

  @Test
  void parseFile_enabledWithoutStartStepsOrStateDir_namesEach() {
    assertThatThrownBy(() -> parse("protobuf_ramp:\n  enabled: true\n"))
        .hasMessageContaining("protobuf_ramp.start is required when protobuf_ramp.enabled is true")
        .hasMessageContaining("protobuf_ramp.steps is required")
        .hasMessageContaining("protobuf_ramp.state_dir is required");
  }

  @Test
  void parseFile_gateWindowShorterThanTheInterval_andEmptySteps_areRefused() {
    assertThatThrownBy(() -> parse("""
        protobuf_ramp: {enabled: true, start: "2026-12-01T09:00:00Z", steps: [], state_dir: d,
          evaluation_interval: 1m, gate_window: 30s}
        """))
        .hasMessageContaining("protobuf_ramp.steps must be a list of 1 to 20 percentages such as [10, 25, 50, 100], was []")
        .hasMessageContaining("protobuf_ramp.gate_window (PT30S) must be at least evaluation_interval (PT1M)");
  }

  @Test
  void parseFile_aliasInTheRampSection_isRefused_aliasElsewhereIsFine() {
    assertThatThrownBy(() -> parse("""
        shared: &steps [10, 100]
        protobuf_ramp:
          enabled: true
          start: "2026-12-01T09:00:00Z"
          steps: *steps
          state_dir: d
        """)).hasMessageContaining("YAML aliases are not supported in the protobuf_ramp section (*steps at line 5");
    assertThat(parse("""
        a: &x 1
        b: *x
        protobuf_ramp: {enabled: false}
        """).enabled()).isFalse();
  }

  @Test
  void parseFile_notYaml_isRefused() {
    assertThatThrownBy(() -> RampPlan.parseFile("protobuf_ramp: [", "config.yaml")).hasMessageContaining("not valid YAML");
  }
}
