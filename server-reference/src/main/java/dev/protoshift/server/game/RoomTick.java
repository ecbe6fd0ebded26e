package dev.protoshift.server.game;

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
}
