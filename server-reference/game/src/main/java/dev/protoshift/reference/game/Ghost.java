package dev.protoshift.reference.game;

import java.util.List;

/**
 * One ghost of a room at one tick.
 *
 * @param id unique in its room, not empty
 * @param name display name
 * @param x position in world units, finite
 * @param y position in world units, finite
 * @param heading direction of travel in radians, counter-clockwise from +x, finite
 * @param speed world units per second, finite
 * @param state what the ghost is doing
 * @param color {@code 0xRRGGBB}
 * @param score the ghost's score
 * @param waypoints the route ahead, nearest point first (older clients get it as {@code route_json})
 * @param inventory what the ghost carries (since 1.1.0, feature {@code inventory}); empty: nothing
 */
public record Ghost(
    String id,
    String name,
    float x,
    float y,
    float heading,
    float speed,
    State state,
    int color,
    int score,
    List<Waypoint> waypoints,
    List<Item> inventory) {

  /** What a ghost is doing; a value a newer server sends that this one does not know reads as {@link #UNSPECIFIED}. */
  public enum State {
    UNSPECIFIED,
    WANDERING,
    CHASING,
    FLEEING,
    CAUGHT
  }

  /**
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if {@code id} is empty, a number is not finite, {@code color}
   *     is not {@code 0..0xFFFFFF} or a string is not well-formed
   */
  public Ghost {
    Checks.nonEmptyText("ghost.id", id);
    Checks.text("ghost.name", name);
    Checks.finite("ghost.x", x);
    Checks.finite("ghost.y", y);
    Checks.finite("ghost.heading", heading);
    Checks.finite("ghost.speed", speed);
    if (state == null) {
      throw new NullPointerException("ghost.state");
    }
    Checks.range("ghost.color", color, 0, 0xFFFFFF);
    waypoints = Checks.list("ghost.waypoints", waypoints);
    inventory = Checks.list("ghost.inventory", inventory);
  }

  /** A ghost with no route and an empty inventory. */
  public static Ghost of(String id, String name, float x, float y, State state) {
    return new Ghost(id, name, x, y, 0f, 0f, state, 0, 0, List.of(), List.of());
  }

  /** This ghost with another route. */
  public Ghost withWaypoints(List<Waypoint> route) {
    return new Ghost(id, name, x, y, heading, speed, state, color, score, route, inventory);
  }

  /** This ghost with another inventory. */
  public Ghost withInventory(List<Item> items) {
    return new Ghost(id, name, x, y, heading, speed, state, color, score, waypoints, items);
  }

  /** This ghost at another position. */
  public Ghost at(float newX, float newY) {
    return new Ghost(id, name, newX, newY, heading, speed, state, color, score, waypoints, inventory);
  }
}
