package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.convert.testschema.json.Arena;
import dev.protoshift.convert.testschema.json.Point;
import org.junit.jupiter.api.Test;

/** The hand-written codec of docs/json.md does what the page says. */
class LegacyPointCodecTest {

  private final JsonCodec codec = new LegacyPointCodec();

  @Test
  void write_point_isATwoElementArray() {
    assertThat(new String(codec.write(Point.newBuilder().setX(3).setY(-4).build()), UTF_8)).isEqualTo("[3,-4]");
  }

  @Test
  void read_twoElementArray_isAPoint() throws DecodeException {
    Point.Builder point = Point.newBuilder();

    codec.read("[3,-4]".getBytes(UTF_8), point);

    assertThat(point.build()).isEqualTo(Point.newBuilder().setX(3).setY(-4).build());
  }

  @Test
  void read_badCoordinate_namesItsIndexAndLeavesTheBuilderUnchanged() {
    Point.Builder point = Point.newBuilder().setX(1);

    assertThatThrownBy(() -> codec.read("[3,\"up\"]".getBytes(UTF_8), point))
        .isInstanceOf(DecodeException.class).hasMessage("[1]: expected an int32, was \"up\"");
    assertThat(point.getX()).isEqualTo(1);
  }

  @Test
  void otherMessages_areRefused() {
    assertThatThrownBy(() -> codec.write(Arena.getDefaultInstance())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LegacyPointCodec writes only Point, not convert.test.json.Arena");
    assertThatThrownBy(() -> codec.read("[1,2]".getBytes(UTF_8), Arena.newBuilder()))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo("unexpected_message"));
  }
}
