package dev.protoshift.reference.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WaypointTest {

  @Test
  void nonFiniteCoordinate_isRefusedAtTheDomainBoundary() {
    assertThatThrownBy(() -> new Waypoint(Float.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("waypoint.x must be finite, was NaN");
    assertThatThrownBy(() -> new Waypoint(0, Float.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("waypoint.y must be finite, was -Infinity");
  }

  @Test
  void signedZeroAndExtremes_areKeptExactly() {
    assertThat(new Waypoint(-0f, Float.MAX_VALUE)).isNotEqualTo(new Waypoint(0f, Float.MAX_VALUE));
    assertThat(new Waypoint(Float.MIN_VALUE, -Float.MAX_VALUE).x()).isEqualTo(Float.MIN_VALUE);
  }
}
