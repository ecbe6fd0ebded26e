package dev.protoshift.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelloTest {

  @Test
  void toJson_isTheDocumentedFrame() {
    Hello hello = Hello.protobuf(ProtocolVersion.parse("1.1.0"), List.of("dag", "inventory", "story"));

    assertThat(hello.toJson()).isEqualTo(
        "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\",\"features\":[\"dag\",\"inventory\",\"story\"]}");
  }

  @Test
  void parse_roundTripsToJson() {
    Hello json = new Hello(Protocol.JSON, Optional.empty(), Optional.empty());
    Hello proto = Hello.protobuf(ProtocolVersion.parse("1.2.0-rc.1"), List.of());

    assertThat(Hello.parse(json.toJson())).isEqualTo(json);
    assertThat(Hello.parse(proto.toJson())).isEqualTo(proto);
  }

  @Test
  void parse_ignoresUnknownFields() {
    Hello h = Hello.parse("{\"type\":\"hello\",\"protocol\":\"json\",\"client\":{\"name\":\"web\"},\"compression\":true}");

    assertThat(h.protocol()).isEqualTo(Protocol.JSON);
  }

  @Test
  void parse_malformedVersion_isInvalidVersionException() {
    assertThatThrownBy(() -> Hello.parse("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1\"}"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("\"1.1\"");
  }

  @Test
  void parse_tooManyFeatures_isRefused() {
    String features = "\"f\",".repeat(Hello.MAX_FEATURES) + "\"f\"";

    assertThatThrownBy(() -> Hello.parse("{\"type\":\"hello\",\"protocol\":\"json\",\"features\":[" + features + "]}"))
        .hasMessage("\"features\" may list at most 64, listed 65");
  }

  @Test
  void constructor_protobufWithoutVersion_isRefused() {
    assertThatThrownBy(() -> new Hello(Protocol.PROTOBUF, Optional.empty(), Optional.empty()))
        .hasMessage("a protobuf hello needs a version");
  }
}
