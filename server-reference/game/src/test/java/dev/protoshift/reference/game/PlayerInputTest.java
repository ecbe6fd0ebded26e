package dev.protoshift.reference.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlayerInputTest {

  @Test
  void move_componentsOutsideUnitRangeOrNotFinite_areRefused() {
    assertThatThrownBy(() -> new PlayerInput.Move(1.0001f, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("move.dx must be in [-1, 1], was 1.0001");
    assertThatThrownBy(() -> new PlayerInput.Move(0, Float.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("move.dy must be in [-1, 1], was NaN");
    assertThat(new PlayerInput.Move(-1, 1).dx()).isEqualTo(-1f);
  }

  @Test
  void clientSeq_aboveSignedRange_isRefusedShowingTheUnsignedValue() {
    assertThatThrownBy(() -> new PlayerInput(-2, new PlayerInput.UseItem("k")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client_seq must be 0..9223372036854775807, was 18446744073709551614");
  }

  @Test
  void types_areTheJsonTypes() {
    assertThat(List.of(new PlayerInput.Move(0, 0), new PlayerInput.SetRoute(List.of()), new PlayerInput.UseItem(""),
        new PlayerInput.ChooseStory(""))).extracting(PlayerInput.Action::type)
        .containsExactly("move", "set_route", "use_item", "choose_story");
  }
}
