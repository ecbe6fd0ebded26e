package dev.protoshift.reference.game;

import java.util.List;

/**
 * One node of a room's quest graph.
 *
 * @param id the node's id
 * @param title display title
 * @param nextIds the ids of the nodes this one leads to
 * @param unlocked whether players can work on it
 * @param completed whether it is done
 */
public record DagNode(String id, String title, List<String> nextIds, boolean unlocked, boolean completed) {

  /** @throws NullPointerException if a reference is null; IllegalArgumentException if a string is not well-formed */
  public DagNode {
    Checks.text("dag_node.id", id);
    Checks.text("dag_node.title", title);
    nextIds = Checks.list("dag_node.next_ids", nextIds);
    nextIds.forEach(next -> Checks.text("dag_node.next_ids[]", next));
  }
}
