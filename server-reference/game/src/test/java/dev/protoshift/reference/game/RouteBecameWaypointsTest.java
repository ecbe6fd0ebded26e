package dev.protoshift.reference.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.PlayerInput;
import dev.protoshift.proto.game.SetRoute;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.Waypoint;
import dev.protoshift.proto.game.WsEnvelope;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation")
class RouteBecameWaypointsTest {

  private final RouteBecameWaypoints change = new RouteBecameWaypoints();
  /** The whole chain for a 1.0.0 client: this change, then the derived strip of what 1.1.0 added. */
  private static final dev.protoshift.convert.VersionChain<WsEnvelope.Builder> CHAIN = GameVersions.chain();
  private static final dev.protoshift.convert.View V100 = CHAIN.baselineView();

  private static Waypoint point(float x, float y) {
    return Waypoint.newBuilder().setX(x).setY(y).build();
  }

  @Test
  void downgrade_fillsRouteJsonForEveryGhost_emptyRouteIsEmptyArray() {
    WsEnvelope.Builder envelope = WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder()
        .setMe(Ghost.newBuilder().setId("me").addWaypoints(point(1.5f, -2f)))
        .addGhosts(Ghost.newBuilder().setId("other")));

    StateUpdate state = change.downgrade(envelope.clone()).build().getStateUpdate();

    assertThat(state.getMe().getRouteJson()).isEqualTo("[{\"x\":1.5,\"y\":-2.0}]");
    assertThat(state.getGhosts(0).getRouteJson()).isEqualTo("[]");
    assertThat(state.getMe().getWaypointsList()).as("the change fills; stripping is the chain's").isNotEmpty();
    assertThat(CHAIN.downgrade(envelope, V100).build().getStateUpdate().getMe().getWaypointsList())
        .as("what 1.1.0 added is stripped for 1.0.0 by the chain, from the release history").isEmpty();
  }

  @Test
  void chain_coversTheReleaseHistory_andNoDeprecatedFieldIsLeftEmptyForOlderClients() {
    assertThat(CHAIN.checkHistory()).isEmpty();
  }

  @Test
  void upgrade_parsesRouteJsonIntoWaypoints() throws DecodeException {
    WsEnvelope.Builder envelope = WsEnvelope.newBuilder().setPlayerInput(PlayerInput.newBuilder()
        .setSetRoute(SetRoute.newBuilder().setRouteJson("[{\"x\":1,\"y\":2},{\"x\":-0.5,\"y\":0}]")));

    SetRoute route = change.upgrade(envelope).build().getPlayerInput().getSetRoute();

    assertThat(route.getWaypointsList()).containsExactly(point(1, 2), point(-0.5f, 0));
    assertThat(route.getRouteJson()).isEmpty();
  }

  @Test
  void upgrade_routeSentBothWays_isRefused() {
    WsEnvelope.Builder envelope = WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder()
        .addGhosts(Ghost.newBuilder().setRouteJson("[]").addWaypoints(point(1, 1))));

    assertThatThrownBy(() -> change.upgrade(envelope)).isInstanceOf(DecodeException.class)
        .hasMessage("state_update.ghosts[0].route_json: is set together with 1 waypoints; send the route one way only");
  }

  @Test
  void upgrade_malformedRouteJsonOfMe_namesMe() {
    WsEnvelope.Builder envelope = WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder()
        .setMe(Ghost.newBuilder().setRouteJson("[{\"x\":1}]")).addGhosts(Ghost.newBuilder()));

    assertThatThrownBy(() -> change.upgrade(envelope)).isInstanceOf(DecodeException.class)
        .hasMessage("state_update.me.route_json[0]: must have both \"x\" and \"y\"");
  }

  @Test
  void downgradeThenUpgrade_isIdentity() throws DecodeException {
    WsEnvelope original = WsEnvelope.newBuilder().setPlayerInput(PlayerInput.newBuilder().setClientSeq(3)
        .setSetRoute(SetRoute.newBuilder().addWaypoints(point(0.1f, Float.MIN_VALUE)))).build();

    assertThat(CHAIN.upgrade(CHAIN.downgrade(original.toBuilder(), V100), V100).build()).isEqualTo(original);
  }
}
