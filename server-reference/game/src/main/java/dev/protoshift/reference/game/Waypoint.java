package dev.protoshift.reference.game;

/**
 * A point on a ghost's route, in world units.
 *
 * @param x finite
 * @param y finite
 */
public record Waypoint(float x, float y) {

  /** @throws IllegalArgumentException if a coordinate is NaN or infinite */
  public Waypoint {
    Checks.finite("waypoint.x", x);
    Checks.finite("waypoint.y", y);
  }
}
