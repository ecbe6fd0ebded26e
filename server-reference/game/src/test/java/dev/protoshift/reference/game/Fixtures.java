package dev.protoshift.reference.game;

import java.util.List;

/** A small, fixed room: the example of the docs and the golden files. */
final class Fixtures {

  private Fixtures() {}

  static final Ghost BLINKY = new Ghost("g-1", "Blinky", 10.5f, -3.25f, 1.5f, 2f, Ghost.State.CHASING, 0xFF0000, 42,
      List.of(new Waypoint(1.5f, -2f), new Waypoint(3f, 4.25f)), List.of(new Item("i-1", "key", 2)));

  static final Ghost PINKY = new Ghost("g-2", "Pinky \"the fast\"", 0.1f, 0f, -0.75f, 3.5f, Ghost.State.WANDERING,
      0xFFB8FF, 0, List.of(), List.of());

  static final Ghost INKY = new Ghost("g-3", "Inky ✨", -7f, 12.125f, 0f, 0f, Ghost.State.FLEEING, 0x00FFFF, -3,
      List.of(new Waypoint(-7f, 13f)), List.of(new Item("i-2", "lantern", 1), new Item("i-3", "coin", 10)));

  static final Dag DAG = new Dag(List.of(
      new DagNode("start", "The crossroads", List.of("woods", "town"), true, true),
      new DagNode("woods", "Into the woods", List.of(), true, false),
      new DagNode("town", "Back to town", List.of(), false, false)), "woods");

  static final Story STORY = new Story("ch-1", "beat-3", "A lantern flickers.",
      List.of(new StoryOption("o-1", "Follow it"), new StoryOption("o-2", "Stay")));

  static RoomState room() {
    return new RoomState(1_764_000_000_000_000L, 7, List.of(BLINKY, PINKY, INKY), DAG, STORY);
  }
}
