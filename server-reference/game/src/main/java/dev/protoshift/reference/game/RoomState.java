package dev.protoshift.reference.game;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The state of a room at one tick, the same for everyone in the room: what a server converts
 * and encodes once per cohort. Each recipient's own ghost is picked out of {@link #ghosts()}
 * when its frame is assembled ({@link CohortFrame#forRecipient}).
 *
 * <p>{@code now} and {@code tick} are limited to {@code 0..2^53-1} so that JSON clients (whose
 * numbers are IEEE doubles) read them exactly.
 *
 * @param now server clock when the tick was taken, microseconds since the Unix epoch
 * @param tick the room's sequence number, +1 each tick, so a client can prove nothing was lost
 * @param ghosts every ghost in the room, ids unique
 * @param dag the room's quest graph, or {@code null} if it has none (since 1.1.0)
 * @param story the current story beat, or {@code null} if there is none (since 1.1.0)
 */
public record RoomState(long now, long tick, List<Ghost> ghosts, Dag dag, Story story) {

  /**
   * @throws NullPointerException if {@code ghosts} is or holds null
   * @throws IllegalArgumentException if {@code now} or {@code tick} is outside {@code 0..2^53-1}
   *     or two ghosts share an id
   */
  public RoomState {
    Checks.jsonSafe("now", now);
    Checks.jsonSafe("tick", tick);
    ghosts = Checks.list("ghosts", ghosts);
    requireUniqueIds(ghosts);
  }

  /** The ghost with {@code id}, if the room has it. */
  public Optional<Ghost> ghost(String id) {
    return ghosts.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  static void requireUniqueIds(List<Ghost> ghosts) {
    Set<String> seen = new HashSet<>();
    for (Ghost ghost : ghosts) {
      if (!seen.add(ghost.id())) {
        throw new IllegalArgumentException("ghost ids must be unique in a room, \"" + ghost.id() + "\" appears twice");
      }
    }
  }
}
