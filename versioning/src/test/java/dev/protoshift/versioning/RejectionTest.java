package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionTest {

  @Test
  void toJson_namesReasonMessageAndSupportedRange() {
    Rejection r = new Rejection(Handshake.HELLO, RejectReason.TOO_OLD, "client version 0.9.0 is older",
        SupportedVersions.between("1.0.0", "1.2.0"));

    assertThat(r.toJson()).isEqualTo("{\"type\":\"hello_reject\",\"reason\":\"too_old\","
        + "\"message\":\"client version 0.9.0 is older\",\"supported\":{\"oldest\":\"1.0.0\",\"current\":\"1.2.0\"}}");
  }

  @Test
  void toJson_escapesWhatTheClientSent() {
    Negotiation n = NegotiatorTest.negotiate(Handshake.QUERY_PARAMETER, "\"}<script>\n",
        NegotiatorTest.PROTOBUF_IF_OFFERED);

    assertThat(HelloReply.parse(n.toJson())).isInstanceOf(HelloReply.Reject.class);
    assertThat(n.toJson()).doesNotContain("\n").contains("\\\\u0022}<script>\\\\u000a");
  }
}
