package dev.protoshift.server.game;

import dev.protoshift.reference.game.RoomState;

/**
 * A room at one tick, handed to the {@link Broadcaster}: the tick number (the room's sequence
 * number, +1 per tick, never skipped) and the server clock at the tick in microseconds since
 * the Unix epoch.
 */
public final class RoomTick {

  private final String roomId;
  private final long tick;
  private final long nowMicros;
  private final GhostWorld world;
  private RoomState state;

  RoomTick(String roomId, long tick, long nowMicros, GhostWorld world) {
    this.roomId = roomId;
    this.tick = tick;
    this.nowMicros = nowMicros;
    this.world = world;
  }

  public String roomId() {
    return roomId;
  }

  public long tick() {
    return tick;
  }

  public long nowMicros() {
    return nowMicros;
  }

  GhostWorld world() {
    return world;
  }

  /** The room's state at this tick as convert's domain model (built once, on first call). */
  public RoomState state() {
    RoomState s = state;
    if (s == null) {
      s = Snapshots.of(world, tick, nowMicros);
      state = s;
    }
    return s;
  }
}
