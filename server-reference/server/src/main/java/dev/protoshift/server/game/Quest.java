package dev.protoshift.server.game;

import java.util.List;

/**
 * The room's quest graph (a DAG): each node completes when the room's totals reach its goal,
 * and unlocks when every node leading to it is complete.
 */
final class Quest {

  record Node(String id, String title, List<String> nextIds, int catchesNeeded, int itemsUsedNeeded,
      List<String> requires) {}

  static final List<Node> NODES = List.of(
      new Node("first_catch", "Catch your first ghost", List.of("collector", "wisp"), 1, 0, List.of()),
      new Node("collector", "Catch ten ghosts", List.of("finale"), 10, 0, List.of("first_catch")),
      new Node("wisp", "Use an ectoplasm", List.of("finale"), 0, 1, List.of("first_catch")),
      new Node("finale", "Catch twenty-five ghosts", List.of(), 25, 1, List.of("collector", "wisp")));

  private final boolean[] completed = new boolean[NODES.size()];

  void update(int totalCatches, int totalItemsUsed) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < NODES.size(); i++) {
        Node node = NODES.get(i);
        if (!completed[i] && unlocked(i) && totalCatches >= node.catchesNeeded()
            && totalItemsUsed >= node.itemsUsedNeeded()) {
          completed[i] = true;
          changed = true;
        }
      }
    }
  }

  boolean unlocked(int index) {
    return NODES.get(index).requires().stream().allMatch(this::completed);
  }

  boolean completed(int index) {
    return completed[index];
  }

  boolean completed(String id) {
    for (int i = 0; i < NODES.size(); i++) {
      if (NODES.get(i).id().equals(id)) {
        return completed[i];
      }
    }
    throw new IllegalArgumentException("no quest node \"" + id + "\"");
  }

  /** The first unlocked node not yet completed, or the last node when all are done. */
  String currentNodeId() {
    for (int i = 0; i < NODES.size(); i++) {
      if (unlocked(i) && !completed[i]) {
        return NODES.get(i).id();
      }
    }
    return NODES.get(NODES.size() - 1).id();
  }
}
