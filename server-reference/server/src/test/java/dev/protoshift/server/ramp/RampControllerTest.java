package dev.protoshift.server.ramp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.protoshift.operations.ramp.RampStatus;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ramp in a real server without clients: its plan at start and on reload, its state and its layer. */
class RampControllerTest {

  @TempDir
  Path dir;

  String plan(Instant start, String steps) {
    return """
        protobuf:
          enabled: true
        protobuf_ramp:
          enabled: true
          start: "%s"
          steps: %s
          soak: 1h
          evaluation_interval: 200ms
          gate_window: 10s
          state_dir: %s
        """.formatted(start, steps, dir.resolve("state"));
  }

  ReferenceServer start(Path config) throws Exception {
    return TestServers.start(TestServers.settings().configFile(config)
        .windows(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(1)).build());
  }

  @Test
  void aStartedPlan_isAppliedBeforeTheFirstConnection_andWrittenToTheSharedState() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), plan(Instant.now().minusSeconds(5), "[10, 50]"));
    try (ReferenceServer server = start(config)) {
      assertThat(server.rollout().current().rolloutBasisPoints()).isEqualTo(1_000);
      assertThat(server.ramp().view().applied()).isEqualTo(RampStatus.RAMPING);
      assertThat(Files.readString(dir.resolve("state/state.json"))).contains("\"status\" : \"ramping\"");
      await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(dir.resolve("state/health")) && Files.list(
          dir.resolve("state/health")).findAny().isPresent());
    }
  }

  @Test
  void aPlanNotStartedYet_waits_andSetsNothing() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), plan(Instant.now().plusSeconds(3_600), "[10, 50]"));
    try (ReferenceServer server = start(config)) {
      assertThat(server.ramp().view().applied()).isEqualTo(RampStatus.WAITING);
      assertThat(server.rollout().current().rolloutBasisPoints()).isZero();
      assertThat(dir.resolve("state/state.json")).doesNotExist();
    }
  }

  @Test
  void anInvalidPlanAtStart_refusesToStart_namingTheKey() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), plan(Instant.now(), "[50, 10]"));
    assertThatThrownBy(() -> start(config)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("protobuf_ramp.steps must rise: step 2 (10) is not above step 1 (50)");
    Path tooLong = Files.writeString(dir.resolve("long.yaml"), plan(Instant.now(), "[10]")
        .replace("gate_window: 10s", "gate_window: 2h"));
    assertThatThrownBy(() -> start(tooLong)).hasMessageContaining(
        "protobuf_ramp.gate_window (PT2H) must be at most the readiness retention (PT1M)");
  }

  @Test
  void anInvalidPlanAfterStart_isRejected_theLastGoodOneStays_andRemovingTheSectionClearsTheLayer() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), plan(Instant.now().minusSeconds(5), "[10, 50]"));
    try (ReferenceServer server = start(config)) {
      Files.writeString(config, plan(Instant.now(), "[10, 10]"));
      await().atMost(Duration.ofSeconds(5)).until(() -> server.ramp().view().planProblem() != null);

      assertThat(server.ramp().view().planProblem()).contains("protobuf_ramp.steps must rise");
      assertThat(server.ramp().view().plan().steps()).hasSize(2);
      assertThat(server.rollout().current().rolloutBasisPoints()).isEqualTo(1_000);
      assertThat(server.metrics().scrape())
          .contains("protoshift_config_changes_total{result=\"rejected\",source=\"ramp_plan\"} 1.0");

      Files.writeString(config, "protobuf:\n  enabled: true\n  rollout_percentage: 5\n");
      await().atMost(Duration.ofSeconds(5)).until(() -> server.ramp().view().applied() == RampStatus.OFF);
      await().atMost(Duration.ofSeconds(5)).until(() -> server.rollout().current().rolloutBasisPoints() == 500);
    }
  }

  @Test
  void aCorruptSharedState_keepsTheLastStateApplied_andIsCounted() throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), plan(Instant.now().minusSeconds(5), "[10, 50]"));
    try (ReferenceServer server = start(config)) {
      Files.writeString(dir.resolve("state/state.json"), "{ not json");
      await().atMost(Duration.ofSeconds(5)).until(() -> server.ramp().view().stateProblem() != null);

      assertThat(server.ramp().view().stateProblem()).contains("state.json is not valid");
      assertThat(server.rollout().current().rolloutBasisPoints()).isEqualTo(1_000);
      assertThat(server.metrics().scrape()).containsPattern("protoshift_ramp_shared_state_errors_total [1-9]");
    }
  }
}
