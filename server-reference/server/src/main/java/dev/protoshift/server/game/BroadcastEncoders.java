package dev.protoshift.server.game;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.convert.StateEncoder;
import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.RoomState;
import dev.protoshift.server.BroadcastMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state encoder of a room for each {@link BroadcastMode}: the game's per-cohort encoder, or
 * one of the two benchmark baselines.
 */
final class BroadcastEncoders {

  private BroadcastEncoders() {}

  /** A new encoder for one room (the pre-encoded floor keeps its bytes for the room's life only). */
  static StateEncoder<RoomState> of(BroadcastMode mode, GameProtocol game) {
    return switch (mode) {
      case PER_COHORT -> game.states();
      case PER_CONNECTION -> new PerConnection(game);
      case PRE_ENCODED -> new PreEncoded(game);
    };
  }

  /** The naive path: converts and encodes for every member, every tick. */
  private record PerConnection(GameProtocol game) implements StateEncoder<RoomState> {
    @Override
    public Map<Cohort, CohortFrame> encodeAll(RoomState state, Collection<Cohort> cohorts) {
      Map<Cohort, CohortFrame> frames = new LinkedHashMap<>();
      for (Cohort cohort : cohorts) {
        frames.put(cohort, new CohortFrame() {
          @Override
          public Cohort cohort() {
            return cohort;
          }

          @Override
          public byte[] shared() {
            return game.encodeStateForConnection(state, cohort, null);
          }

          @Override
          public byte[] forRecipient(String ghostId) {
            return game.encodeStateForConnection(state, cohort, ghostId);
          }
        });
      }
      return frames;
    }

    @Override
    public byte[] encodeForRecipient(RoomState state, Cohort cohort, String recipientId) {
      return game.encodeStateForConnection(state, cohort, recipientId);
    }
  }

  /** The floor: each cohort's first encoding, sent to everyone every tick (clients see one tick repeated). */
  private static final class PreEncoded implements StateEncoder<RoomState> {
    private final GameProtocol game;
    private final Map<Cohort, CohortFrame> first = new HashMap<>();

    PreEncoded(GameProtocol game) {
      this.game = game;
    }

    @Override
    public Map<Cohort, CohortFrame> encodeAll(RoomState state, Collection<Cohort> cohorts) {
      Map<Cohort, CohortFrame> frames = new LinkedHashMap<>();
      for (Cohort cohort : cohorts) {
        CohortFrame frame = first.computeIfAbsent(cohort, c -> CohortFrame.of(c, game.encodeState(state, c).shared()));
        frames.put(cohort, frame);
      }
      return frames;
    }

    @Override
    public byte[] encodeForRecipient(RoomState state, Cohort cohort, String recipientId) {
      return game.encodeStateForConnection(state, cohort, recipientId);
    }
  }
}
