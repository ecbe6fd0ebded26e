package dev.protoshift.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestTest {

  @Test
  void nodes_formADagWhoseEdgesMatchTheirRequirements() {
    for (Quest.Node node : Quest.NODES) {
      for (String next : node.nextIds()) {
        Quest.Node target = Quest.NODES.stream().filter(n -> n.id().equals(next)).findFirst().orElseThrow();
        assertThat(target.requires()).as(node.id() + " -> " + next).contains(node.id());
        assertThat(Quest.NODES.indexOf(target)).isGreaterThan(Quest.NODES.indexOf(node));
      }
    }
  }

  @Test
  void update_completesInDependencyOrder() {
    Quest quest = new Quest();
    quest.update(30, 0); // enough catches for everything, but no item used
    assertThat(quest.completed("first_catch")).isTrue();
    assertThat(quest.completed("collector")).isTrue();
    assertThat(quest.completed("wisp")).isFalse();
    assertThat(quest.completed("finale")).isFalse();
    assertThat(quest.currentNodeId()).isEqualTo("wisp");

    quest.update(30, 1);
    assertThat(quest.completed("finale")).isTrue();
    assertThat(quest.currentNodeId()).isEqualTo("finale");
  }
}
