package dev.protoshift.reference.game;

import java.util.ArrayList;
import java.util.List;

/** A message from the server to a client, as a client decodes it. */
public sealed interface ServerMessage {

  /** The JSON {@code type} of this message: {@code state} or {@code error}. */
  String type();

  /**
   * One tick of the room as one recipient sees it.
   *
   * @param now server clock, microseconds since the Unix epoch
   * @param tick the room's sequence number
   * @param me the recipient's own ghost, or {@code null} for a spectator
   * @param ghosts the other ghosts in the room (never the recipient's own)
   * @param dag the quest graph, or {@code null}
   * @param story the current story beat, or {@code null}
   */
  record State(long now, long tick, Ghost me, List<Ghost> ghosts, Dag dag, Story story) implements ServerMessage {

    /**
     * @throws NullPointerException if {@code ghosts} is or holds null
     * @throws IllegalArgumentException if {@code now} or {@code tick} is outside {@code 0..2^53-1}
     *     or two ghosts (including {@code me}) share an id
     */
    public State {
      Checks.jsonSafe("now", now);
      Checks.jsonSafe("tick", tick);
      ghosts = Checks.list("ghosts", ghosts);
      List<Ghost> all = new ArrayList<>(ghosts);
      if (me != null) {
        all.add(me);
      }
      RoomState.requireUniqueIds(all);
    }

    /** What {@code recipientGhostId} (or a spectator, if null) is sent of {@code room}. */
    public static State of(RoomState room, String recipientGhostId) {
      Ghost me = null;
      List<Ghost> others = new ArrayList<>(room.ghosts().size());
      for (Ghost ghost : room.ghosts()) {
        if (ghost.id().equals(recipientGhostId)) {
          me = ghost;
        } else {
          others.add(ghost);
        }
      }
      if (recipientGhostId != null && me == null) {
        throw new IllegalArgumentException(unknownRecipient(recipientGhostId, room.tick()));
      }
      return new State(room.now(), room.tick(), me, others, room.dag(), room.story());
    }

    @Override
    public String type() {
      return "state";
    }
  }

  /**
   * The server refused or could not handle something the client sent.
   *
   * @param code stable and machine-readable, e.g. {@code bad_frame}
   * @param message human-readable
   */
  record Error(String code, String message) implements ServerMessage {

    /** @throws NullPointerException if a string is null; IllegalArgumentException if it is not well-formed */
    public Error {
      Checks.text("error.code", code);
      Checks.text("error.message", message);
    }

    @Override
    public String type() {
      return "error";
    }
  }

  static String unknownRecipient(String ghostId, long tick) {
    return "recipient ghost \"" + ghostId + "\" is not in the room at tick " + tick
        + " (use forRecipient(null) for a spectator)";
  }
}
