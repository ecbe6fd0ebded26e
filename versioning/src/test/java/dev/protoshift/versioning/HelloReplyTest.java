package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloReplyTest {

  @Test
  void parse_readsWhatAnAgreementWrites() {
    Negotiation n = NegotiatorTest.negotiate(Handshake.HELLO, "1.3.0", NegotiatorTest.PROTOBUF_IF_OFFERED);

    HelloReply.Ack ack = (HelloReply.Ack) HelloReply.parse(n.toJson());

    assertThat(ack.protocol()).isEqualTo(Protocol.PROTOBUF);
    assertThat(ack.version()).map(Object::toString).hasValue("1.2.0");
    assertThat(ack.features()).containsExactly("dag", "inventory", "story");
    assertThat(ack.reason()).isEqualTo("in_rollout");
  }

  @Test
  void parse_readsWhatARejectionWrites() {
    Negotiation n = NegotiatorTest.NEGOTIATOR.onUpgrade(Map.of("proto_version", List.of("2.1.0")), List.of(),
        NegotiatorTest.PROTOBUF_IF_OFFERED);

    HelloReply.Reject reject = (HelloReply.Reject) HelloReply.parse(n.toJson());

    assertThat(reject.reason()).isEqualTo("unsupported_major");
    assertThat(reject.message()).isEqualTo("client version 2.1.0 has major 2; this server supports 1.0.0 to 1.2.0");
    assertThat(reject.supported()).isEqualTo(SupportedVersions.between("1.0.0", "1.2.0"));
  }

  @Test
  void parse_unknownReasonFromANewerServer_isKept() {
    HelloReply.Ack ack = (HelloReply.Ack) HelloReply.parse(
        "{\"type\":\"hello_ack\",\"protocol\":\"json\",\"features\":[],\"reason\":\"region_pinned\",\"extra\":1}");

    assertThat(ack.reason()).isEqualTo("region_pinned");
  }

  @Test
  void parse_notAReply_namesTheType() {
    assertThatThrownBy(() -> HelloReply.parse("{\"type\":\"state\"}"))
        .hasMessage("\"type\" must be \"hello_ack\" or \"hello_reject\", was \"state\"");
  }
}
