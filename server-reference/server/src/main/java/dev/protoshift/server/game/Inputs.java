package dev.protoshift.server.game;

import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.Waypoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies a decoded player input (convert's domain model) to the game. */
final class Inputs {

  private Inputs() {}

  static Optional<InputError> apply(GhostWorld world, String ghostId, PlayerInput.Action action) {
    if (action instanceof PlayerInput.Move m) {
      return world.move(ghostId, m.dx(), m.dy());
    }
    if (action instanceof PlayerInput.SetRoute r) {
      List<Point> route = new ArrayList<>(r.waypoints().size());
      for (Waypoint w : r.waypoints()) {
        route.add(new Point(w.x(), w.y()));
      }
      return world.setRoute(ghostId, route);
    }
    if (action instanceof PlayerInput.UseItem u) {
      return world.useItem(ghostId, u.itemId());
    }
    if (action instanceof PlayerInput.ChooseStory c) {
      return world.chooseStory(ghostId, c.optionId());
    }
    return Optional.of(new InputError(InputError.BAD_INPUT, "unknown action " + action.type()));
  }
}
