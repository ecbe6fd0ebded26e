package dev.protoshift.server.game;

/**
 * Someone in a room: a player's connection. The room calls these on its tick thread.
 */
public interface Occupant {

  /** The name shown for the player's ghost. */
  String displayName();

  /** The room gave this occupant a ghost; called once, before the first broadcast it takes part in. */
  void seated(Room room, String ghostId);
}
