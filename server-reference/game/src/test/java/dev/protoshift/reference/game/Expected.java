package dev.protoshift.reference.game;

import dev.protoshift.convert.View;
import java.util.List;

/**
 * The test oracle: what each view carries, written out by hand from the release notes and
 * independent of the version chain under test.
 */
final class Expected {

  private Expected() {}

  static boolean isBaseline(View view) {
    return view.versionClass().label().equals("1.0.0");
  }

  /** What a recipient with {@code view} is meant to read of {@code state}. */
  static ServerMessage.State seen(ServerMessage.State state, View view) {
    boolean inventory = !isBaseline(view) && view.has("inventory");
    boolean dag = !isBaseline(view) && view.has("dag");
    boolean story = !isBaseline(view) && view.has("story");
    return new ServerMessage.State(state.now(), state.tick(),
        state.me() == null ? null : ghost(state.me(), inventory),
        state.ghosts().stream().map(g -> ghost(g, inventory)).toList(),
        dag ? state.dag() : null,
        story ? state.story() : null);
  }

  static ServerMessage.State seen(RoomState room, String recipient, View view) {
    return seen(ServerMessage.State.of(room, recipient), view);
  }

  /** Routes travel in every view (as route_json before 1.1.0); inventories only with the feature. */
  private static Ghost ghost(Ghost ghost, boolean inventory) {
    return inventory ? ghost : ghost.withInventory(List.of());
  }

  /** True if a client with {@code view} can send {@code input} at all. */
  static boolean expressible(PlayerInput input, View view) {
    return switch (input.action().type()) {
      case "use_item" -> !isBaseline(view) && view.has("inventory");
      case "choose_story" -> !isBaseline(view) && view.has("story");
      default -> true;
    };
  }
}
