package dev.protoshift.server.game;

import java.util.List;

/**
 * Sends a room's state to its occupants, once per tick, on the room's tick thread.
 */
public interface Broadcaster {

  /**
   * @param tick the room at this tick (read it only during the call)
   * @param seats the room's occupants and their ghosts, in join order
   */
  void broadcast(RoomTick tick, List<Seat> seats);

  /** An occupant and the id of the ghost it controls. */
  record Seat(Occupant occupant, String ghostId) {}
}
