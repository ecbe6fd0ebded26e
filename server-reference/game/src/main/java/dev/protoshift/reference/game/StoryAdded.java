package dev.protoshift.reference.game;

import dev.protoshift.convert.VersionChange;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import java.util.Optional;

/** 1.1.0, feature {@code story}: {@code StateUpdate.story} and the {@code choose_story} input. */
final class StoryAdded implements VersionChange<WsEnvelope.Builder> {

  @Override
  public String title() {
    return "Story";
  }

  @Override
  public String description() {
    return """
        `StateUpdate.story` (legacy JSON: `story`) carries the current story beat: its chapter,
        text and options. Absent when there is no story. Clients pick an option with the input
        `ChooseStory` (legacy JSON: `{"type":"choose_story","option_id":..}`).
        """;
  }

  @Override
  public Optional<String> feature() {
    return Optional.of(GameProtocol.FEATURE_STORY);
  }

  @Override
  public WsEnvelope.Builder downgrade(WsEnvelope.Builder envelope) {
    StateUpdate.Builder state = Envelopes.state(envelope);
    if (state != null) {
      state.clearStory();
    }
    PlayerInput.Builder input = Envelopes.input(envelope);
    if (input != null && input.hasChooseStory()) {
      throw new IllegalArgumentException("choose_story does not exist for clients without the story feature "
          + "or older than 1.1.0");
    }
    return envelope;
  }

  @Override
  public WsEnvelope.Builder upgrade(WsEnvelope.Builder envelope) {
    return envelope;
  }
}
