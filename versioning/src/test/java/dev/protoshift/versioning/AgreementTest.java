package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {

  @Test
  void withDecision_switchesTheProtocol_keepsVersionAndFeatures() {
    Agreement a = (Agreement) NegotiatorTest.negotiate(Handshake.QUERY_PARAMETER, "1.1.0",
        NegotiatorTest.PROTOBUF_IF_OFFERED);

    Agreement off = a.withDecision(RolloutDecision.of(DecisionReason.KILL_SWITCH));

    assertThat(off.protocol()).isEqualTo(Protocol.JSON);
    assertThat(off.version()).isEqualTo(a.version());
    assertThat(off.features()).isEqualTo(a.features());
    assertThat(off.helloAck()).contains("\"protocol\":\"json\"").contains("\"reason\":\"kill_switch\"");
  }

  @Test
  void withDecision_protobufForALegacyClient_isRefused() {
    Agreement legacy = (Agreement) NegotiatorTest.NEGOTIATOR.onUpgrade(Map.of(), List.of(),
        NegotiatorTest.PROTOBUF_IF_OFFERED);

    assertThatThrownBy(() -> legacy.withDecision(RolloutDecision.of(DecisionReason.IN_ROLLOUT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decision protobuf (in_rollout) gives protobuf to a client that did not offer it");
  }

  @Test
  void features_areImmutable() {
    Agreement a = (Agreement) NegotiatorTest.negotiate(Handshake.HELLO, "1.2.0", NegotiatorTest.PROTOBUF_IF_OFFERED);

    assertThatThrownBy(() -> a.features().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toString_isOneLogLine() {
    Agreement a = (Agreement) NegotiatorTest.negotiate(Handshake.QUERY_PARAMETER, "1.3.0",
        NegotiatorTest.PROTOBUF_IF_OFFERED);

    assertThat(a).hasToString("query: protobuf (in_rollout), version 1.2.0 (newer_compatible), declared 1.3.0, "
        + "features [dag, inventory, story]");
  }
}
