package dev.protoshift.server.game;

/**
 * How rooms run: ticks per second, wandering ghosts per room, the most rooms at once, the budget
 * of new rooms per client address, and the seed of the rooms' randomness. A room lives while it
 * has players and is removed at the first tick it has none: an empty room does not tick.
 *
 * @param tickRateHz ticks per second, 1..120 (default 20)
 * @param wanderers wandering ghosts per room, 0..1000 (default 8)
 * @param maxRooms rooms at once, at least 1; a join that would open one more is refused (1013)
 * @param newRoomsPerMinute rooms one client address may open per minute (bursts of as many), at
 *     least 1; beyond it a join that would open a room is refused (1013)
 * @param seed mixed with each room's id to seed its game
 */
public record RoomSettings(int tickRateHz, int wanderers, int maxRooms, int newRoomsPerMinute, long seed) {

  public static final RoomSettings DEFAULTS = new RoomSettings(20, 8, 10_000, 600, 0x5EED);

  /** @throws IllegalArgumentException naming the bad value */
  public RoomSettings {
    if (tickRateHz < 1 || tickRateHz > 120) {
      throw new IllegalArgumentException("tick rate must be 1..120 Hz, was " + tickRateHz);
    }
    if (wanderers < 0 || wanderers > 1000) {
      throw new IllegalArgumentException("wandering ghosts per room must be 0..1000, was " + wanderers);
    }
    if (maxRooms < 1) {
      throw new IllegalArgumentException("max rooms must be at least 1, was " + maxRooms);
    }
    if (newRoomsPerMinute < 1) {
      throw new IllegalArgumentException("new rooms per minute per address must be at least 1, was " + newRoomsPerMinute);
    }
  }

  public RoomSettings withTickRate(int hz) {
    return new RoomSettings(hz, wanderers, maxRooms, newRoomsPerMinute, seed);
  }

  public RoomSettings withWanderers(int n) {
    return new RoomSettings(tickRateHz, n, maxRooms, newRoomsPerMinute, seed);
  }

  public RoomSettings withMaxRooms(int n) {
    return new RoomSettings(tickRateHz, wanderers, n, newRoomsPerMinute, seed);
  }

  public RoomSettings withNewRoomsPerMinute(int n) {
    return new RoomSettings(tickRateHz, wanderers, maxRooms, n, seed);
  }

  /** The tick period in nanoseconds. */
  public long periodNanos() {
    return 1_000_000_000L / tickRateHz;
  }
}
