package dev.protoshift.reference.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomStateTest {

  @Test
  void duplicateGhostIds_areRefused() {
    Ghost a = Ghost.of("g", "a", 0, 0, Ghost.State.WANDERING);

    assertThatThrownBy(() -> new RoomState(0, 0, List.of(a, a), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ghost ids must be unique in a room, \"g\" appears twice");
  }

  @Test
  void nowAndTick_mustBeExactInJson() {
    assertThatThrownBy(() -> new RoomState(1L << 53, 0, List.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("now must be 0..9007199254740991, was 9007199254740992");
    assertThatThrownBy(() -> new RoomState(0, -1, List.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tick must be 0..9007199254740991, was 18446744073709551615");
  }

  @Test
  void ghost_findsById() {
    assertThat(Fixtures.room().ghost("g-2")).contains(Fixtures.PINKY);
    assertThat(Fixtures.room().ghost("g-9")).isEmpty();
  }

  @Test
  void stateOf_recipient_isMeAndTheOthersInRoomOrder() {
    ServerMessage.State state = ServerMessage.State.of(Fixtures.room(), "g-2");

    assertThat(state.me()).isEqualTo(Fixtures.PINKY);
    assertThat(state.ghosts()).containsExactly(Fixtures.BLINKY, Fixtures.INKY);
    assertThat(ServerMessage.State.of(Fixtures.room(), null).ghosts()).hasSize(3);
  }
}
