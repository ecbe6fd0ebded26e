package dev.protoshift.server.game;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.reference.game.Ghost;
import dev.protoshift.reference.game.RoomState;
import org.junit.jupiter.api.Test;

class SnapshotsTest {

  @Test
  void of_carriesEveryGhostWithRouteInventoryAndState_andTheRoomsQuestAndStory() {
    GhostWorld world = new GhostWorld(5, 2);
    String p = world.addPlayer("ann");
    world.ghost(p).items.put(GhostWorld.ECTOPLASM, 2);
    world.setRoute(p, java.util.List.of(new Point(3, 4)));
    world.ghost("g1").state = SimGhost.State.FLEEING;

    RoomState state = Snapshots.of(world, 42, 1_800_000_000_000_000L);

    assertThat(state.tick()).isEqualTo(42);
    assertThat(state.now()).isEqualTo(1_800_000_000_000_000L);
    assertThat(state.ghosts()).extracting(Ghost::id).containsExactly("g1", "g2", p);
    Ghost ann = state.ghost(p).orElseThrow();
    assertThat(ann.name()).isEqualTo("ann");
    assertThat(ann.waypoints()).singleElement().satisfies(w -> assertThat(w.x()).isEqualTo(3f));
    assertThat(ann.inventory()).singleElement().satisfies(i -> assertThat(i.count()).isEqualTo(2));
    assertThat(state.ghost("g1").orElseThrow().state()).isEqualTo(Ghost.State.FLEEING);
    assertThat(state.ghost("g2").orElseThrow().waypoints()).isNotEmpty();
    assertThat(state.dag().nodes()).hasSize(Quest.NODES.size());
    assertThat(state.dag().currentNodeId()).isEqualTo("first_catch");
    assertThat(state.story().beatId()).isEqualTo("arrival");
    assertThat(state.story().options()).hasSize(2);
  }
}
