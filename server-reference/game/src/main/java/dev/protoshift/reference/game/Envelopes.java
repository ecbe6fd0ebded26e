package dev.protoshift.reference.game;

import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import java.util.ArrayList;
import java.util.List;

/** Small accessors the version changes share; none of them changes an envelope's payload case. */
final class Envelopes {

  private Envelopes() {}

  /** The state update being built, or null if the envelope carries something else. */
  static StateUpdate.Builder state(WsEnvelope.Builder envelope) {
    return envelope.hasStateUpdate() ? envelope.getStateUpdateBuilder() : null;
  }

  /** The player input being built, or null if the envelope carries something else. */
  static PlayerInput.Builder input(WsEnvelope.Builder envelope) {
    return envelope.hasPlayerInput() ? envelope.getPlayerInputBuilder() : null;
  }

  /** Every ghost of a state update ({@code me} first), as builders; empty for other payloads. */
  static List<Ghost.Builder> ghosts(WsEnvelope.Builder envelope) {
    StateUpdate.Builder state = state(envelope);
    if (state == null) {
      return List.of();
    }
    List<Ghost.Builder> ghosts = new ArrayList<>(state.getGhostsCount() + 1);
    if (state.hasMe()) {
      ghosts.add(state.getMeBuilder());
    }
    ghosts.addAll(state.getGhostsBuilderList());
    return ghosts;
  }

  /** The path of the {@code i}-th ghost of {@link #ghosts} for error messages. */
  static String ghostPath(WsEnvelope.Builder envelope, int i) {
    boolean hasMe = envelope.getStateUpdateBuilder().hasMe();
    if (hasMe && i == 0) {
      return "state_update.me";
    }
    return "state_update.ghosts[" + (hasMe ? i - 1 : i) + "]";
  }
}
