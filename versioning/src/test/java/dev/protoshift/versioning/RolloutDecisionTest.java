package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RolloutDecisionTest {

  @Test
  void reasonCodes_areTheDocumentedStableNames() {
    assertThat(Arrays.stream(DecisionReason.values()).map(DecisionReason::code)).containsExactly(
        "forced_off", "forced_on", "kill_switch", "no_client_support", "client_too_old", "missing_bucket_key",
        "in_rollout", "out_of_rollout", "decode_errors");
  }

  @Test
  void allCodes_areLowercaseMetricTagValues() {
    Object[][] codes = {
        Arrays.stream(DecisionReason.values()).map(DecisionReason::code).toArray(),
        Arrays.stream(RejectReason.values()).map(RejectReason::code).toArray(),
        Arrays.stream(VersionStatus.values()).map(VersionStatus::code).toArray(),
        Arrays.stream(Handshake.values()).map(Handshake::code).toArray(),
        Arrays.stream(Protocol.values()).map(Protocol::code).toArray(),
    };
    for (Object[] group : codes) {
      assertThat(group).allSatisfy(c -> assertThat((String) c).matches("[a-z][a-z_]*"));
    }
  }

  @Test
  void of_takesTheProtocolFromTheReason() {
    assertThat(RolloutDecision.of(DecisionReason.FORCED_ON).protocol()).isEqualTo(Protocol.PROTOBUF);
    assertThat(RolloutDecision.of(DecisionReason.KILL_SWITCH).protocol()).isEqualTo(Protocol.JSON);
    assertThat(RolloutDecision.of(DecisionReason.IN_ROLLOUT)).hasToString("protobuf (in_rollout)");
  }

  @Test
  void constructor_protocolContradictingTheReason_isRefused() {
    assertThatThrownBy(() -> new RolloutDecision(Protocol.PROTOBUF, DecisionReason.KILL_SWITCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason kill_switch leads to json, not protobuf");
  }
}
