package dev.protoshift.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;

class GhostWorldTest {

  static final float DT = 0.05f;

  @Test
  void new_placesTheWanderersWithRoutes() {
    GhostWorld world = new GhostWorld(1, 5);
    assertThat(world.ghosts()).hasSize(5).allSatisfy(g -> {
      assertThat(g.player).isFalse();
      assertThat(g.route).isNotEmpty();
      assertThat(g.x).isBetween(0f, GhostWorld.SIZE);
    });
  }

  @Test
  void step_sameSeedSameInputs_sameWorld() {
    qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
      assertThat(positions(run(seed))).isEqualTo(positions(run(seed)));
    });
  }

  private static GhostWorld run(long seed) {
    GhostWorld world = new GhostWorld(seed, 4);
    String p = world.addPlayer("ann");
    world.move(p, 1, 0.5f);
    for (int i = 0; i < 100; i++) {
      world.step(DT);
    }
    return world;
  }

  private static List<String> positions(GhostWorld world) {
    return world.ghosts().stream().map(g -> g.id + "@" + g.x + "," + g.y + ":" + g.state).toList();
  }

  @Test
  void step_wanderersStayInsideTheWorld() {
    qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
      GhostWorld world = new GhostWorld(seed, 6);
      for (int i = 0; i < 400; i++) {
        world.step(DT);
      }
      assertThat(world.ghosts()).allSatisfy(g -> {
        assertThat(g.x).isBetween(0f, GhostWorld.SIZE);
        assertThat(g.y).isBetween(0f, GhostWorld.SIZE);
      });
    });
  }

  @Test
  void move_steersThePlayerAtPlayerSpeed() {
    GhostWorld world = new GhostWorld(7, 0);
    String p = world.addPlayer("ann");
    SimGhost g = world.ghost(p);
    g.x = 50;
    g.y = 50;
    assertThat(world.move(p, 1, 0)).isEmpty();
    world.step(1f);
    assertThat(g.x).isEqualTo(50 + GhostWorld.PLAYER_SPEED);
    assertThat(g.y).isEqualTo(50f);
    assertThat(g.heading).isEqualTo(0f);
  }

  @Test
  void move_nonFinite_isRefusedNamingTheValue() {
    GhostWorld world = new GhostWorld(7, 0);
    String p = world.addPlayer("ann");
    assertThat(world.move(p, Float.NaN, 0)).hasValueSatisfying(e -> {
      assertThat(e.code()).isEqualTo(InputError.BAD_INPUT);
      assertThat(e.message()).contains("NaN");
    });
  }

  @Test
  void move_anyFiniteInput_keepsThePlayerInsideTheWorld() {
    qt().forAll(floats().any(), floats().any()).checkAssert((dx, dy) -> {
      GhostWorld world = new GhostWorld(3, 0);
      String p = world.addPlayer("ann");
      world.move(p, dx, dy);
      for (int i = 0; i < 300; i++) {
        world.step(DT);
      }
      SimGhost g = world.ghost(p);
      assertThat(g.x).isBetween(0f, GhostWorld.SIZE);
      assertThat(g.y).isBetween(0f, GhostWorld.SIZE);
    });
  }

  @Test
  void setRoute_followsTheWaypointsInOrder() {
    GhostWorld world = new GhostWorld(7, 0);
    String p = world.addPlayer("ann");
    SimGhost g = world.ghost(p);
    g.x = 10;
    g.y = 10;
    assertThat(world.setRoute(p, List.of(new Point(14, 10), new Point(14, 14)))).isEmpty();
    world.step(0.5f); // 4 units: reaches the first point exactly
    assertThat(g.x).isEqualTo(14f);
    assertThat(g.route).containsExactly(new Point(14, 14));
    world.step(0.5f);
    assertThat(g.y).isEqualTo(14f);
    assertThat(g.route).isEmpty();
  }

  @Test
  void setRoute_tooLongOrNonFinite_isRefused() {
    GhostWorld world = new GhostWorld(7, 0);
    String p = world.addPlayer("ann");
    List<Point> tooLong = java.util.Collections.nCopies(GhostWorld.MAX_ROUTE_POINTS + 1, new Point(1, 1));
    assertThat(world.setRoute(p, tooLong)).hasValueSatisfying(e -> assertThat(e.message()).contains("had 33"));
    assertThat(world.setRoute(p, List.of(new Point(Float.POSITIVE_INFINITY, 1))))
        .hasValueSatisfying(e -> assertThat(e.message()).contains("Infinity"));
  }

  @Test
  void catching_aWanderer_scoresAndGivesAnEctoplasm_thenItRespawns() {
    GhostWorld world = new GhostWorld(11, 1);
    String p = world.addPlayer("ann");
    SimGhost player = world.ghost(p);
    SimGhost wanderer = world.ghost("g1");
    player.x = wanderer.x;
    player.y = wanderer.y;
    world.step(DT);

    assertThat(wanderer.state).isEqualTo(SimGhost.State.CAUGHT);
    assertThat(player.score).isEqualTo(1);
    assertThat(player.items).containsEntry(GhostWorld.ECTOPLASM, 1);
    assertThat(world.quest().completed("first_catch")).isTrue();
    assertThat(world.quest().currentNodeId()).isEqualTo("collector");

    player.x = 0;
    player.y = 0;
    wanderer.x = 100;
    wanderer.y = 100;
    for (int i = 0; i < GhostWorld.RESPAWN_TICKS; i++) {
      world.step(DT);
    }
    assertThat(wanderer.state).isNotEqualTo(SimGhost.State.CAUGHT);
  }

  @Test
  void useItem_consumesItAndAdvancesTheQuest() {
    GhostWorld world = new GhostWorld(11, 0);
    String p = world.addPlayer("ann");
    world.ghost(p).items.put(GhostWorld.ECTOPLASM, 2);
    assertThat(world.useItem(p, GhostWorld.ECTOPLASM)).isEmpty();
    assertThat(world.ghost(p).items).containsEntry(GhostWorld.ECTOPLASM, 1);
    assertThat(world.ghost(p).boostTicks).isEqualTo(GhostWorld.BOOST_TICKS);
    assertThat(world.useItem(p, "lantern")).hasValueSatisfying(e -> {
      assertThat(e.code()).isEqualTo(InputError.UNKNOWN_ITEM);
      assertThat(e.message()).contains("\"lantern\"");
    });
  }

  @Test
  void chooseStory_movesTheRoomToTheNextBeat_orNamesTheOptions() {
    GhostWorld world = new GhostWorld(11, 0);
    String p = world.addPlayer("ann");
    assertThat(world.chooseStory(p, "explore")).isEmpty();
    assertThat(world.story().current().id()).isEqualTo("hall");
    assertThat(world.chooseStory(p, "explore")).hasValueSatisfying(e -> {
      assertThat(e.code()).isEqualTo(InputError.UNKNOWN_OPTION);
      assertThat(e.message()).contains("[upstairs, cellar]");
    });
  }

  @Test
  void inputs_fromAnUnknownPlayer_areRefused() {
    GhostWorld world = new GhostWorld(11, 1);
    assertThat(world.move("g1", 1, 1)).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(InputError.NOT_PLAYING));
    assertThat(world.move("p9", 1, 1)).isPresent();
  }

  @Test
  void removePlayer_removesOnlyPlayers() {
    GhostWorld world = new GhostWorld(11, 1);
    String p = world.addPlayer("ann");
    world.removePlayer("g1");
    world.removePlayer(p);
    assertThat(world.ghosts()).extracting(g -> g.id).containsExactly("g1");
  }
}
