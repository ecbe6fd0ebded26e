package dev.protoshift.reference.game.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.Waypoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteJsonTest {

  private static Waypoint point(float x, float y) {
    return Waypoint.newBuilder().setX(x).setY(y).build();
  }

  @Test
  void write_isACompactArrayOfPoints() {
    assertThat(RouteJson.write(List.of(point(1.5f, -2f), point(0.1f, 1e-7f))))
        .isEqualTo("[{\"x\":1.5,\"y\":-2.0},{\"x\":0.1,\"y\":1.0E-7}]");
    assertThat(RouteJson.write(List.of())).isEqualTo("[]");
  }

  @Test
  void writeThenParse_isIdentity_forEveryFiniteFloat() {
    qt().forAll(integers().all(), integers().all()).checkAssert((xBits, yBits) -> {
      float x = Float.intBitsToFloat(xBits);
      float y = Float.intBitsToFloat(yBits);
      if (!Float.isFinite(x) || !Float.isFinite(y)) {
        return;
      }
      List<Waypoint> route = List.of(point(x, y));
      try {
        assertThat(RouteJson.parse(RouteJson.write(route), "route_json")).isEqualTo(route);
      } catch (DecodeException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void write_floatsReadBackExactlyWithAPlainParser() {
    qt().forAll(integers().all()).checkAssert(bits -> {
      float f = Float.intBitsToFloat(bits);
      if (Float.isFinite(f)) {
        String json = RouteJson.write(List.of(point(f, 0f)));
        String x = json.substring("[{\"x\":".length(), json.indexOf(",\"y\""));
        assertThat(Float.floatToRawIntBits(Float.parseFloat(x))).as(json).isEqualTo(bits);
      }
    });
  }

  @Test
  void parse_whatA100ClientSends_integersAndExtraKeys() throws DecodeException {
    assertThat(RouteJson.parse("[{\"x\":1,\"y\":-2,\"speed\":3}]", "route_json")).containsExactly(point(1f, -2f));
    assertThat(RouteJson.parse("", "route_json")).isEmpty();
    assertThat(RouteJson.parse(" [ ] ", "route_json")).isEmpty();
  }

  @Test
  void parse_malformed_isAnErrorNamingTheFieldAndPoint() {
    assertRefused("{\"x\":1}", "route_json: must be a JSON array of {\"x\":..,\"y\":..} points, was \"{\\\"x\\\":1}\"");
    assertRefused("[{\"x\":1}]", "route_json[0]: must have both \"x\" and \"y\"");
    assertRefused("[{\"x\":1,\"y\":2},{\"x\":\"3\",\"y\":4}]", "route_json[1].x: must be a number, was VALUE_STRING");
    assertRefused("[{\"x\":1e39,\"y\":0}]", "route_json[0].x: must be a finite float, was \"1e39\"");
    assertRefused("[3]", "route_json[0]: must be an object {\"x\":..,\"y\":..}, was VALUE_NUMBER_INT");
    assertRefused("[] []", "route_json: has data after the route's closing ]");
    assertRefused("null", "route_json: must be a JSON array of {\"x\":..,\"y\":..} points, was \"null\"");
  }

  @Test
  void parse_notJson_isAnErrorNotAnEmptyRoute() {
    assertThatThrownBy(() -> RouteJson.parse("[{\"x\":1,", "route_json"))
        .isInstanceOf(DecodeException.class).hasMessageStartingWith("route_json: is not valid JSON: ");
    assertThatThrownBy(() -> RouteJson.parse("[{\"x\":1,\"x\":2,\"y\":0}]", "route_json"))
        .isInstanceOf(DecodeException.class).hasMessageContaining("Duplicate field 'x'");
  }

  private static void assertRefused(String json, String message) {
    assertThatThrownBy(() -> RouteJson.parse(json, "route_json"))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo("invalid_field"))
        .hasMessage(message);
  }
}
