package dev.protoshift.server.game;

import java.time.Duration;

/**
 * How rooms run: ticks per second, wandering ghosts per room, the most rooms at once, how
 * long an empty room lives, and the seed of the rooms' randomness.
 *
 * @param tickRateHz ticks per second, 1..120 (default 20)
 * @param wanderers wandering ghosts per room, 0..1000 (default 8)
 * @param maxRooms rooms at once, at least 1; a join that would open one more is refused
 * @param idleTimeout how long a room without occupants keeps running before it is removed
 * @param seed mixed with each room's id to seed its game
 */
public record RoomSettings(int tickRateHz, int wanderers, int maxRooms, Duration idleTimeout, long seed) {

  public static final RoomSettings DEFAULTS = new RoomSettings(20, 8, 10_000, Duration.ofSeconds(30), 0x5EED);

  /**
   * @throws IllegalArgumentException naming the bad value
   */
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
    if (idleTimeout == null || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("room idle timeout must be zero or positive, was " + idleTimeout);
    }
  }

  public RoomSettings withTickRate(int hz) {
    return new RoomSettings(hz, wanderers, maxRooms, idleTimeout, seed);
  }

  public RoomSettings withWanderers(int n) {
    return new RoomSettings(tickRateHz, n, maxRooms, idleTimeout, seed);
  }

  public RoomSettings withMaxRooms(int n) {
    return new RoomSettings(tickRateHz, wanderers, n, idleTimeout, seed);
  }

  public RoomSettings withIdleTimeout(Duration d) {
    return new RoomSettings(tickRateHz, wanderers, maxRooms, d, seed);
  }

  /** The tick period in nanoseconds. */
  public long periodNanos() {
    return 1_000_000_000L / tickRateHz;
  }
}
