package dev.protoshift.reference.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GhostTest {

  @Test
  void badValues_areRefusedNamingTheField() {
    assertThatThrownBy(() -> Ghost.of("", "x", 0, 0, Ghost.State.CHASING))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ghost.id must not be empty");
    assertThatThrownBy(() -> Ghost.of("g", "x", Float.POSITIVE_INFINITY, 0, Ghost.State.CHASING))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ghost.x must be finite, was Infinity");
    assertThatThrownBy(() -> new Ghost("g", "x", 0, 0, 0, Float.NaN, Ghost.State.CHASING, 0, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ghost.speed must be finite, was NaN");
    assertThatThrownBy(() -> new Ghost("g", "x", 0, 0, 0, 0, Ghost.State.CHASING, 0x1000000, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ghost.color must be 0..16777215, was 16777216");
    assertThatThrownBy(() -> Ghost.of("g", "bad \uD800 name", 0, 0, Ghost.State.CHASING))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ghost.name has an unpaired surrogate U+D800 at index 4");
  }

  @Test
  void lists_areCopied_soTheGhostCannotChangeLater() {
    List<Waypoint> route = new ArrayList<>(List.of(new Waypoint(1, 2)));
    Ghost ghost = Ghost.of("g", "x", 0, 0, Ghost.State.WANDERING).withWaypoints(route);

    route.clear();

    assertThat(ghost.waypoints()).containsExactly(new Waypoint(1, 2));
  }

  @Test
  void stateOrdinals_areTheProtoEnumNumbers() {
    for (Ghost.State state : Ghost.State.values()) {
      assertThat(dev.protoshift.proto.game.GhostState.forNumber(state.ordinal()).name())
          .isEqualTo("GHOST_STATE_" + state.name());
    }
  }
}
