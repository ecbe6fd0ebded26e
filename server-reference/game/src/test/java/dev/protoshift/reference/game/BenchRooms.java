package dev.protoshift.reference.game;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rooms the benchmarks encode: deterministic, and shaped like the reference game's (every
 * ghost moving along 3 to 6 waypoints with arbitrary float positions, a third carrying items,
 * a 6-node quest graph and a story beat with 3 options).
 */
final class BenchRooms {

  private static final String[] KINDS = {"key", "lantern", "coin", "map"};
  private static final Ghost.State[] STATES = {Ghost.State.WANDERING, Ghost.State.CHASING, Ghost.State.FLEEING};

  private BenchRooms() {}

  static RoomState room(int ghosts) {
    SplittableRandom random = new SplittableRandom(42);
    List<Ghost> list = new ArrayList<>(ghosts);
    for (int i = 0; i < ghosts; i++) {
      List<Waypoint> route = new ArrayList<>();
      for (int w = random.nextInt(3, 7); w > 0; w--) {
        route.add(new Waypoint(coordinate(random), coordinate(random)));
      }
      List<Item> items = new ArrayList<>();
      if (i % 3 == 0) {
        for (int k = random.nextInt(1, 3); k > 0; k--) {
          items.add(new Item("item-" + i + "-" + k, KINDS[random.nextInt(KINDS.length)], random.nextInt(1, 6)));
        }
      }
      list.add(new Ghost("ghost-" + i, "Ghost " + i, coordinate(random), coordinate(random),
          (float) (random.nextDouble() * 2 * Math.PI), (float) (random.nextDouble() * 10), STATES[random.nextInt(3)],
          random.nextInt(0x1000000), random.nextInt(10_000), route, items));
    }
    List<DagNode> nodes = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      nodes.add(new DagNode("node-" + n, "Quest step " + n, n < 5 ? List.of("node-" + (n + 1)) : List.of(), n < 3, n < 2));
    }
    Story story = new Story("chapter-2", "beat-7", "The lanterns go dark one by one.",
        List.of(new StoryOption("o-1", "Run"), new StoryOption("o-2", "Hide"), new StoryOption("o-3", "Light a match")));
    return new RoomState(1_764_000_000_000_000L + ghosts, 123_456, list, new Dag(nodes, "node-2"), story);
  }

  /** A position in a 1000 x 1000 world: an arbitrary float, as a simulation produces. */
  private static float coordinate(SplittableRandom random) {
    return (float) (random.nextDouble() * 1000 - 500);
  }

  /** The ghost whose player receives the benchmarked frame. */
  static String recipient(RoomState room) {
    return room.ghosts().get(room.ghosts().size() / 2).id();
  }
}
