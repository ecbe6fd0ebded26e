package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolTest {

  @Test
  void fromCode_readsTheWireNames_only() {
    assertThat(Protocol.fromCode("protobuf")).contains(Protocol.PROTOBUF);
    assertThat(Protocol.fromCode("json")).contains(Protocol.JSON);
    assertThat(Protocol.fromCode("JSON")).isEmpty();
    assertThat(Protocol.fromCode("xml")).isEmpty();
  }

  @Test
  void isBinary_onlyForProtobuf() {
    assertThat(Protocol.PROTOBUF.isBinary()).isTrue();
    assertThat(Protocol.JSON.isBinary()).isFalse();
  }
}
