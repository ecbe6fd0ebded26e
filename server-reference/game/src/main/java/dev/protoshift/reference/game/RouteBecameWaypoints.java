package dev.protoshift.reference.game;

import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.VersionChange;
import dev.protoshift.reference.game.internal.RouteJson;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.SetRoute;
import dev.protoshift.proto.game.WsEnvelope;
import java.util.List;

/**
 * 1.1.0: routes travel as {@code waypoints}; before, as the JSON text {@code route_json}.
 *
 * <p>Down: every ghost's and every {@code set_route}'s waypoints become {@code route_json}
 * ({@code []} for none: 1.0.0 clients parse it unconditionally). Up: {@code route_json} is parsed
 * into waypoints; malformed text is an error for that message, never an empty route.
 */
@SuppressWarnings("deprecation") // route_json is the whole point of this change
final class RouteBecameWaypoints implements VersionChange<WsEnvelope.Builder> {

  @Override
  public String title() {
    return "Routes travel as waypoints";
  }

  @Override
  public String description() {
    return """
        `Ghost.waypoints` and `SetRoute.waypoints` carry a route as points, nearest first. Before
        1.1.0 a route travelled as JSON text in `route_json` (legacy JSON: the array `route`),
        e.g. `[{"x":1.5,"y":-2.0}]`.

        - Clients older than 1.1.0 get `route_json` filled for every ghost (`[]` for no route)
          and no `waypoints`; the route they send in `SetRoute.route_json` is parsed into
          waypoints, and malformed text is refused with `invalid_field`.
        - Clients on 1.1.0 or newer get `waypoints` only and must send `SetRoute.waypoints`;
          a `SetRoute.route_json` from them is refused with `invalid_field`.

        Coordinates survive the trip exactly: each float is written in the shortest decimal
        form that reads back to the same float.
        """;
  }

  @Override
  public WsEnvelope.Builder downgrade(WsEnvelope.Builder envelope) {
    for (Ghost.Builder ghost : Envelopes.ghosts(envelope)) {
      ghost.setRouteJson(RouteJson.write(ghost.getWaypointsList())); // waypoints: stripped by the chain (history)
    }
    PlayerInput.Builder input = Envelopes.input(envelope);
    if (input != null && input.hasSetRoute()) {
      SetRoute.Builder route = input.getSetRouteBuilder();
      route.setRouteJson(RouteJson.write(route.getWaypointsList()));
    }
    return envelope;
  }

  @Override
  public WsEnvelope.Builder upgrade(WsEnvelope.Builder envelope) throws DecodeException {
    List<Ghost.Builder> ghosts = Envelopes.ghosts(envelope);
    for (int i = 0; i < ghosts.size(); i++) {
      Ghost.Builder ghost = ghosts.get(i);
      if (!ghost.getRouteJson().isEmpty()) {
        String field = Envelopes.ghostPath(envelope, i) + ".route_json";
        requireNoWaypoints(ghost.getWaypointsCount(), field);
        ghost.addAllWaypoints(RouteJson.parse(ghost.getRouteJson(), field)).clearRouteJson();
      }
    }
    PlayerInput.Builder input = Envelopes.input(envelope);
    if (input != null && input.hasSetRoute() && !input.getSetRoute().getRouteJson().isEmpty()) {
      SetRoute.Builder route = input.getSetRouteBuilder();
      String field = "player_input.set_route.route_json";
      requireNoWaypoints(route.getWaypointsCount(), field);
      route.addAllWaypoints(RouteJson.parse(route.getRouteJson(), field)).clearRouteJson();
    }
    return envelope;
  }

  private static void requireNoWaypoints(int count, String field) throws DecodeException {
    if (count > 0) {
      throw DecodeException.invalidField(field, "is set together with " + count
          + " waypoints; send the route one way only");
    }
  }
}
