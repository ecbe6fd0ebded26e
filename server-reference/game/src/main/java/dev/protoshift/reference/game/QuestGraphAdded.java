package dev.protoshift.reference.game;

import dev.protoshift.convert.VersionChange;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import java.util.Optional;

/** 1.1.0, feature {@code dag}: {@code StateUpdate.dag}, the room's quest graph. */
final class QuestGraphAdded implements VersionChange<WsEnvelope.Builder> {

  @Override
  public String title() {
    return "Quest graph";
  }

  @Override
  public String description() {
    return """
        `StateUpdate.dag` (legacy JSON: `dag`) carries the room's quest graph: its nodes, which
        nodes each leads to, which are unlocked or completed, and the node the room is at.
        Absent when the room has no quest graph.
        """;
  }

  @Override
  public Optional<String> feature() {
    return Optional.of(GameProtocol.FEATURE_DAG);
  }

  @Override
  public WsEnvelope.Builder downgrade(WsEnvelope.Builder envelope) {
    StateUpdate.Builder state = Envelopes.state(envelope);
    if (state != null) {
      state.clearDag();
    }
    return envelope;
  }

  @Override
  public WsEnvelope.Builder upgrade(WsEnvelope.Builder envelope) {
    return envelope;
  }
}
