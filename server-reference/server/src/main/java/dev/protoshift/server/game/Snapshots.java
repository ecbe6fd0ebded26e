package dev.protoshift.server.game;

import dev.protoshift.reference.game.Dag;
import dev.protoshift.reference.game.DagNode;
import dev.protoshift.reference.game.Ghost;
import dev.protoshift.reference.game.Item;
import dev.protoshift.reference.game.RoomState;
import dev.protoshift.reference.game.Story;
import dev.protoshift.reference.game.StoryOption;
import dev.protoshift.reference.game.Waypoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The simulation's state at a tick as convert's domain model: what is converted once per cohort. */
final class Snapshots {

  private Snapshots() {}

  static RoomState of(GhostWorld world, long tick, long nowMicros) {
    List<SimGhost> sims = world.ghosts();
    List<Ghost> ghosts = new ArrayList<>(sims.size());
    for (SimGhost g : sims) {
      ghosts.add(ghost(g));
    }
    return new RoomState(nowMicros, tick, ghosts, dag(world.quest()), story(world.story().current()));
  }

  static Ghost ghost(SimGhost g) {
    List<Waypoint> route = new ArrayList<>(g.route.size());
    for (Point p : g.route) {
      route.add(new Waypoint(p.x(), p.y()));
    }
    List<Item> items = new ArrayList<>(g.items.size());
    for (Map.Entry<String, Integer> e : g.items.entrySet()) {
      items.add(new Item(e.getKey(), e.getKey(), e.getValue()));
    }
    return new Ghost(g.id, g.name, g.x, g.y, g.heading, g.speed, state(g.state), g.color, g.score, route, items);
  }

  private static Ghost.State state(SimGhost.State s) {
    return switch (s) {
      case WANDERING -> Ghost.State.WANDERING;
      case CHASING -> Ghost.State.CHASING;
      case FLEEING -> Ghost.State.FLEEING;
      case CAUGHT -> Ghost.State.CAUGHT;
    };
  }

  private static Dag dag(Quest quest) {
    List<DagNode> nodes = new ArrayList<>(Quest.NODES.size());
    for (int i = 0; i < Quest.NODES.size(); i++) {
      Quest.Node n = Quest.NODES.get(i);
      nodes.add(new DagNode(n.id(), n.title(), n.nextIds(), quest.unlocked(i), quest.completed(i)));
    }
    return new Dag(nodes, quest.currentNodeId());
  }

  private static Story story(StoryBook.Beat beat) {
    List<StoryOption> options = beat.options().stream().map(o -> new StoryOption(o.id(), o.label())).toList();
    return new Story(beat.chapterId(), beat.id(), beat.text(), options);
  }
}
