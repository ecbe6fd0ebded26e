package dev.protoshift.reference.game;

import java.util.List;

/**
 * A room's progress through its quest graph (since 1.1.0, optional feature {@code dag}).
 *
 * @param nodes the graph's nodes
 * @param currentNodeId the node the room is at
 */
public record Dag(List<DagNode> nodes, String currentNodeId) {

  /** @throws NullPointerException if a reference is null; IllegalArgumentException if a string is not well-formed */
  public Dag {
    nodes = Checks.list("dag.nodes", nodes);
    Checks.text("dag.current_node_id", currentNodeId);
  }
}
