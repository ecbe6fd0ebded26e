package dev.protoshift.reference.game;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.protoshift.convert.View;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for the game's domain records and for the views of the chain. */
final class GameGen {

  static final GameProtocol GAME = GameProtocol.reference();

  private GameGen() {}

  /** Every finite float, with the awkward ones (signed zero, subnormals, extremes) up front. */
  static Gen<Float> floats() {
    Gen<Float> any = integers().all().map(GameGen::finiteFromBits);
    Gen<Float> awkward = Generate.pick(List.of(0f, -0f, 0.1f, -2.5f, 1.5f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 16777217f, 3.4028235e38f, 1e-45f, 0.3f, 1f / 3));
    return any.mix(awkward, 30);
  }

  /** The float with these bits; NaN and infinities (0.4% of patterns) fold onto finite values. */
  private static float finiteFromBits(int bits) {
    float f = Float.intBitsToFloat(bits);
    return Float.isFinite(f) ? f : Float.intBitsToFloat(bits & 0xBF7FFFFF);
  }

  /** Floats in [-1, 1], as a move's components. */
  static Gen<Float> units() {
    return floats().map(f -> f / Float.MAX_VALUE).mix(Generate.pick(List.of(-1f, 1f, 0f, -0f, 0.5f)), 30);
  }

  /** Well-formed strings: ASCII with control characters, quotes and backslashes, BMP text and emoji. */
  static Gen<String> text() {
    return strings().ascii().ofLengthBetween(0, 8)
        .mix(strings().betweenCodePoints(0xA0, 0xD7FF).ofLengthBetween(0, 6), 30)
        .mix(lists().of(integers().between(0x1F600, 0x1F64F)).ofSizeBetween(0, 3)
            .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size())), 20);
  }

  static Gen<Waypoint> waypoints() {
    return floats().zip(floats(), Waypoint::new);
  }

  static Gen<Item> items() {
    return text().zip(text(), integers().between(0, Integer.MAX_VALUE), Item::new);
  }

  static Gen<Ghost> ghosts() {
    Gen<float[]> position = floats().zip(floats(), floats(), floats(), (x, y, h, s) -> new float[] {x, y, h, s});
    Gen<Ghost.State> states = Generate.enumValues(Ghost.State.class);
    Gen<int[]> numbers = integers().between(0, 0xFFFFFF).zip(integers().all(), (c, s) -> new int[] {c, s});
    return text().zip(position, states, numbers, (name, p, state, n) -> new Object[] {name, p, state, n})
        .zip(lists().of(waypoints()).ofSizeBetween(0, 4), lists().of(items()).ofSizeBetween(0, 3), (o, route, items) ->
            new Ghost("placeholder", (String) o[0], ((float[]) o[1])[0], ((float[]) o[1])[1], ((float[]) o[1])[2],
                ((float[]) o[1])[3], (Ghost.State) o[2], ((int[]) o[3])[0], ((int[]) o[3])[1], route, items));
  }

  static Gen<Dag> dags() {
    Gen<DagNode> nodes = text().zip(text(), lists().of(text()).ofSizeBetween(0, 3), booleans().all(), booleans().all(),
        DagNode::new);
    return lists().of(nodes).ofSizeBetween(0, 4).zip(text(), Dag::new);
  }

  static Gen<Story> stories() {
    Gen<StoryOption> options = text().zip(text(), StoryOption::new);
    return text().zip(text(), text(), lists().of(options).ofSizeBetween(0, 3), Story::new);
  }

  /** Rooms of 0 to 12 ghosts with unique ids, with or without a quest graph and a story. */
  static Gen<RoomState> rooms() {
    Gen<Long> times = Generate.longRange(0, Checks.MAX_JSON_SAFE).mix(Generate.pick(List.of(0L, Checks.MAX_JSON_SAFE,
        1_764_000_000_000_000L)), 20);
    return lists().of(ghosts()).ofSizeBetween(0, 12).zip(times, times, dags().toOptionals(50), stories().toOptionals(50),
        (ghosts, now, tick, dag, story) -> new RoomState(now, tick, withUniqueIds(ghosts), dag.orElse(null),
            story.orElse(null)));
  }

  private static List<Ghost> withUniqueIds(List<Ghost> ghosts) {
    List<Ghost> out = new ArrayList<>(ghosts.size());
    for (int i = 0; i < ghosts.size(); i++) {
      Ghost g = ghosts.get(i);
      out.add(new Ghost("g" + i + (g.name().isEmpty() ? "" : "-" + g.name()), g.name(), g.x(), g.y(), g.heading(),
          g.speed(), g.state(), g.color(), g.score(), g.waypoints(), g.inventory()));
    }
    return out;
  }

  /** A room and who receives it: the index of a ghost, or -1 for a spectator. */
  record Delivery(RoomState room, String recipient) {}

  static Gen<Delivery> deliveries() {
    return rooms().zip(integers().between(-1, 11), (room, i) ->
        new Delivery(room, i < 0 || room.ghosts().isEmpty() ? null : room.ghosts().get(i % room.ghosts().size()).id()));
  }

  /** Every view of the reference chain: 1.0.0, and 1.1.0 with each subset of its features. */
  static List<View> allViews() {
    List<View> views = new ArrayList<>();
    views.add(GAME.chain().baselineView());
    List<String> features = List.of(GameProtocol.FEATURE_DAG, GameProtocol.FEATURE_INVENTORY, GameProtocol.FEATURE_STORY);
    for (int mask = 0; mask < 8; mask++) {
      List<String> chosen = new ArrayList<>();
      for (int f = 0; f < 3; f++) {
        if ((mask & (1 << f)) != 0) {
          chosen.add(features.get(f));
        }
      }
      views.add(GAME.view(GAME.chain().latest(), chosen));
    }
    return views;
  }

  static Gen<View> views() {
    return Generate.pick(allViews());
  }

  static Gen<PlayerInput> inputs() {
    Gen<PlayerInput.Action> move = units().zip(units(), PlayerInput.Move::new);
    Gen<PlayerInput.Action> route = lists().of(waypoints()).ofSizeBetween(0, 5).map(PlayerInput.SetRoute::new);
    Gen<PlayerInput.Action> use = text().map(PlayerInput.UseItem::new);
    Gen<PlayerInput.Action> choose = text().map(PlayerInput.ChooseStory::new);
    return Generate.longRange(0, Long.MAX_VALUE).zip(Generate.oneOf(move, route, use, choose), PlayerInput::new);
  }
}
