package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubprotocolTest {

  @Test
  void name_isProtoshiftProtocolMajorMinor() {
    assertThat(Subprotocol.of(Protocol.PROTOBUF, ProtocolVersion.parse("1.1.3")).name())
        .isEqualTo("protoshift.protobuf.v1.1");
    assertThat(Subprotocol.of(Protocol.JSON, ProtocolVersion.parse("2.0.0-beta.1")).name())
        .isEqualTo("protoshift.json.v2.0");
  }

  @Test
  void offersFor_listsProtobufThenJson() {
    assertThat(Subprotocol.offersFor(ProtocolVersion.parse("1.1.0")))
        .containsExactly("protoshift.protobuf.v1.1", "protoshift.json.v1.1");
  }

  @Test
  void parse_roundTripsTheName() {
    Subprotocol s = new Subprotocol(Protocol.PROTOBUF, 12, 0);

    assertThat(Subprotocol.parse(s.name())).isEqualTo(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"protoshift.protobuf.v1", "protoshift.protobuf.1.1", "protoshift.protobuf.v1.1.0",
      "protoshift.PROTOBUF.v1.1", "protoshift.protobuf.v01.1", "protoshift.protobuf.v1.x", "protoshift.",
      "protoshift.protobuf.v1.1 ", "protoshift.protobuf.v9999999999.0", "protoshift.cbor.v1.0"})
  void parse_malformed_namesTheToken(String token) {
    assertThatThrownBy(() -> Subprotocol.parse(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("subprotocol \"" + token.trim());
  }

  @Test
  void isUnknownProtocol_onlyForWellFormedNamesOfOtherProtocols() {
    assertThat(Subprotocol.isUnknownProtocol("protoshift.cbor.v1.0")).isTrue();
    assertThat(Subprotocol.isUnknownProtocol("protoshift.protobuf.v1.0")).isFalse();
    assertThat(Subprotocol.isUnknownProtocol("protoshift.cbor.v1")).isFalse();
  }
}
