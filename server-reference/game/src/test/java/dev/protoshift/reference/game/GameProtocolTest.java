package dev.protoshift.reference.game;

import static dev.protoshift.reference.game.GameGen.GAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.View;
import dev.protoshift.proto.game.PlayerInput.Builder;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.DecisionReason;
import dev.protoshift.versioning.Negotiator;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolFeatures;
import dev.protoshift.versioning.ProtocolGate;
import dev.protoshift.versioning.ProtocolVersion;
import dev.protoshift.versioning.RolloutDecision;
import dev.protoshift.versioning.SupportedVersions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GameProtocolTest {

  private static final View V100 = GAME.chain().baselineView();
  private static final View V110 = GAME.chain().latestView();

  private static Cohort cohort(Protocol protocol, View view) {
    return new Cohort(protocol, view);
  }

  private static ServerMessage decode(byte[] frame, Cohort cohort) throws DecodeException {
    return cohort.protocol() == Protocol.PROTOBUF
        ? GAME.decodeBinaryServerMessage(frame, cohort.view())
        : GAME.decodeJsonServerMessage(new String(frame, StandardCharsets.UTF_8), cohort.view());
  }

  // ---- zero data loss -------------------------------------------------------------------------

  @Test
  void stateRoundTrip_protobuf_isIdentityForWhatEachViewCarries() {
    qt().forAll(GameGen.deliveries(), GameGen.views()).checkAssert((delivery, view) -> {
      Cohort cohort = cohort(Protocol.PROTOBUF, view);
      byte[] frame = GAME.encodeState(delivery.room(), cohort).forRecipient(delivery.recipient());
      assertThat(decodeUnchecked(frame, cohort)).isEqualTo(Expected.seen(delivery.room(), delivery.recipient(), view));
    });
  }

  @Test
  void stateRoundTrip_json_isIdentityForWhatEachViewCarries() {
    qt().forAll(GameGen.deliveries(), GameGen.views()).checkAssert((delivery, view) -> {
      Cohort cohort = cohort(Protocol.JSON, view);
      byte[] frame = GAME.encodeState(delivery.room(), cohort).forRecipient(delivery.recipient());
      assertThat(decodeUnchecked(frame, cohort)).isEqualTo(Expected.seen(delivery.room(), delivery.recipient(), view));
    });
  }

  @Test
  void protobufAndJsonCohorts_decodeToTheSameState() {
    qt().forAll(GameGen.deliveries(), GameGen.views()).checkAssert((delivery, view) -> {
      Map<Cohort, CohortFrame> frames = GAME.encodeStates(delivery.room(),
          List.of(cohort(Protocol.PROTOBUF, view), cohort(Protocol.JSON, view)));
      List<ServerMessage> decoded = frames.entrySet().stream()
          .map(e -> decodeUnchecked(e.getValue().forRecipient(delivery.recipient()), e.getKey())).toList();
      assertThat(decoded.get(0)).isEqualTo(decoded.get(1));
    });
  }

  @Test
  void inputRoundTrip_bothProtocols_isIdentityWhereTheViewCanSendIt() {
    qt().forAll(GameGen.inputs(), GameGen.views()).checkAssert((input, view) -> {
      for (Protocol protocol : Protocol.values()) {
        Cohort cohort = cohort(protocol, view);
        if (!Expected.expressible(input, view)) {
          assertThatThrownBy(() -> GAME.encodeInput(input, cohort)).isInstanceOf(IllegalArgumentException.class);
          continue;
        }
        byte[] frame = GAME.encodeInput(input, cohort);
        try {
          PlayerInput decoded = protocol == Protocol.PROTOBUF
              ? GAME.decodeBinaryInput(frame, view)
              : GAME.decodeJsonInput(new String(frame, StandardCharsets.UTF_8), view);
          assertThat(decoded).as("%s %s", cohort, input).isEqualTo(input);
        } catch (DecodeException e) {
          throw new AssertionError(cohort + " could not read its own " + input, e);
        }
      }
    });
  }

  private static ServerMessage decodeUnchecked(byte[] frame, Cohort cohort) {
    try {
      return decode(frame, cohort);
    } catch (DecodeException e) {
      throw new AssertionError("cohort " + cohort + " could not read its own frame", e);
    }
  }

  // ---- views and cohorts ----------------------------------------------------------------------

  @Test
  void view_jsonClientWithoutVersion_getsTheBaselineView() {
    assertThat(GAME.cohort(Protocol.JSON, null, null)).isEqualTo(new Cohort(Protocol.JSON, V100));
  }

  @Test
  void cohortFor_agreementFromTheNegotiator_usesItsProtocolVersionAndFeatures() {
    Negotiator negotiator = Negotiator.builder(SupportedVersions.between("1.0.0", "1.2.0"))
        .features(ProtocolFeatures.builder().add("dag", "1.1.0").add("inventory", "1.1.0").add("story", "1.1.0").build())
        .build();
    ProtocolGate inRollout = client -> RolloutDecision.of(DecisionReason.IN_ROLLOUT);
    ProtocolGate killSwitch = client -> RolloutDecision.of(DecisionReason.KILL_SWITCH);

    Agreement old = (Agreement) negotiator.onUpgrade("room=r&proto_version=1.1.0-beta.2", List.of(), inRollout);
    Agreement killed = (Agreement) negotiator.onUpgrade("room=r&proto_version=1.2.0", List.of(), killSwitch);
    Agreement legacy = (Agreement) negotiator.onUpgrade("room=r", List.of(), inRollout);

    assertThat(GAME.cohortFor(old)).isEqualTo(new Cohort(Protocol.PROTOBUF, V100));
    assertThat(GAME.cohortFor(killed)).isEqualTo(new Cohort(Protocol.JSON, V110));
    assertThat(GAME.cohortFor(legacy)).isEqualTo(new Cohort(Protocol.JSON, V100));
  }

  @Test
  void view_preReleaseOf110_getsThe100View() {
    assertThat(GAME.view(ProtocolVersion.parse("1.1.0-beta.2"), null)).isEqualTo(V100);
    assertThat(GAME.view(ProtocolVersion.parse("1.2.0"), null)).isEqualTo(V110);
  }

  @Test
  void view_clientThatDidNotAskForStory_doesNotGetIt() {
    View view = GAME.view(ProtocolVersion.parse("1.2.0"), List.of("dag", "inventory", "emotes"));
    RoomState room = Fixtures.room();

    ServerMessage.State seen = (ServerMessage.State) decodeUnchecked(
        GAME.encodeState(room, cohort(Protocol.PROTOBUF, view)).forRecipient("g-1"), cohort(Protocol.PROTOBUF, view));

    assertThat(view.features()).containsExactly("dag", "inventory");
    assertThat(seen.story()).isNull();
    assertThat(seen.dag()).isEqualTo(room.dag());
  }

  @Test
  void encodeStates_sameViewInBothProtocols_convertsOnceAndKeepsTheOrder() {
    List<Cohort> cohorts = List.of(cohort(Protocol.JSON, V110), cohort(Protocol.PROTOBUF, V100),
        cohort(Protocol.PROTOBUF, V110));

    Map<Cohort, CohortFrame> frames = GAME.encodeStates(Fixtures.room(), cohorts);

    assertThat(frames.keySet()).containsExactlyElementsOf(cohorts);
    frames.forEach((cohort, frame) -> assertThat(frame.forRecipient("g-2"))
        .isEqualTo(GAME.encodeStateForConnection(Fixtures.room(), cohort, "g-2")));
  }

  // ---- bad input ------------------------------------------------------------------------------

  @Test
  void decodeBinaryInput_notProtobuf_isMalformed() {
    assertThatThrownBy(() -> GAME.decodeBinaryInput(new byte[] {(byte) 0xFF, 0x01}, V110))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo("bad_frame"))
        .hasMessageContaining("not a protobuf protoshift.game.WsEnvelope");
  }

  @Test
  void decodeBinaryInput_stateUpdateFromAClient_isUnexpected() {
    byte[] frame = WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder().setTick(3)).build().toByteArray();

    assertThatThrownBy(() -> GAME.decodeBinaryInput(frame, V110))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.UNEXPECTED_MESSAGE))
        .hasMessage("expected a player_input, got a state_update");
  }

  @Test
  void decodeBinaryInput_emptyFrame_isAnEmptyEnvelope() {
    assertThatThrownBy(() -> GAME.decodeBinaryInput(new byte[0], V110))
        .isInstanceOf(DecodeException.class).hasMessage("expected a player_input, got an empty envelope");
  }

  @Test
  void decodeBinaryInput_actionFromANewerClient_namesTheUnknownField() {
    Builder input = dev.protoshift.proto.game.PlayerInput.newBuilder().setClientSeq(1);
    byte[] frame = WsEnvelope.newBuilder().setPlayerInput(input).build().toByteArray();
    byte[] withUnknownAction = concat(frame, new byte[] {0x12, 0x02, 0x4A, 0x00}); // player_input{ field 9: {} }

    assertThatThrownBy(() -> GAME.decodeBinaryInput(withUnknownAction, V110))
        .isInstanceOf(DecodeException.class)
        .hasMessage("player_input has no action this server knows (unknown fields [9])");
  }

  @Test
  @SuppressWarnings("deprecation")
  void decodeBinaryInput_malformedRouteJsonFrom100Client_isAnErrorNotAnEmptyRoute() {
    byte[] frame = WsEnvelope.newBuilder().setPlayerInput(dev.protoshift.proto.game.PlayerInput.newBuilder()
        .setClientSeq(4).setSetRoute(dev.protoshift.proto.game.SetRoute.newBuilder().setRouteJson("[{\"x\":1,\"y\":"))).build()
        .toByteArray();

    assertThatThrownBy(() -> GAME.decodeBinaryInput(frame, V100))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo("invalid_field"))
        .hasMessageStartingWith("player_input.set_route.route_json: is not valid JSON");
  }

  @Test
  @SuppressWarnings("deprecation")
  void decodeBinaryInput_routeJsonFrom110Client_isRefusedNotIgnored() {
    byte[] frame = WsEnvelope.newBuilder().setPlayerInput(dev.protoshift.proto.game.PlayerInput.newBuilder()
        .setSetRoute(dev.protoshift.proto.game.SetRoute.newBuilder().setRouteJson("[{\"x\":1,\"y\":2}]"))).build()
        .toByteArray();

    assertThatThrownBy(() -> GAME.decodeBinaryInput(frame, V110))
        .isInstanceOf(DecodeException.class)
        .hasMessage("player_input.set_route.route_json: is deprecated since 1.1.0 and not read from clients on 1.1.0 "
            + "or newer; send waypoints");
  }

  @Test
  void decodeBinaryInput_nanMove_namesTheField() {
    byte[] frame = WsEnvelope.newBuilder().setPlayerInput(dev.protoshift.proto.game.PlayerInput.newBuilder()
        .setMove(dev.protoshift.proto.game.Move.newBuilder().setDx(Float.NaN))).build().toByteArray();

    assertThatThrownBy(() -> GAME.decodeBinaryInput(frame, V110))
        .isInstanceOf(DecodeException.class)
        .hasMessage("player_input.move: move.dx must be in [-1, 1], was NaN");
  }

  @Test
  void decodeJsonInput_100ClientRoute_isUpgradedToWaypoints() throws DecodeException {
    PlayerInput input = GAME.decodeJsonInput("{\"type\":\"set_route\",\"client_seq\":9,\"route\":[{\"x\":1.5,\"y\":-2}]}", V100);

    assertThat(input).isEqualTo(new PlayerInput(9, new PlayerInput.SetRoute(List.of(new Waypoint(1.5f, -2f)))));
  }

  @Test
  void decodeJsonInput_notJson_isMalformed() {
    assertThatThrownBy(() -> GAME.decodeJsonInput("{\"type\":\"move\",", V100))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo("bad_frame"));
  }

  @Test
  void decodeJsonInput_infiniteCoordinate_isRefused() {
    assertThatThrownBy(() -> GAME.decodeJsonInput("{\"type\":\"set_route\",\"waypoints\":[{\"x\":1e39,\"y\":0}]}", V110))
        .isInstanceOf(DecodeException.class)
        .hasMessage("waypoints[0].x: must be a finite float, was \"1e39\"");
  }

  @Test
  void decodeJsonServerMessage_error_isReadInEveryView() throws DecodeException {
    for (View view : Set.of(V100, V110)) {
      byte[] frame = GAME.encodeError(new ServerMessage.Error("rate_limited", "slow down"), cohort(Protocol.JSON, view));

      assertThat(GAME.decodeJsonServerMessage(frame, view)).isEqualTo(new ServerMessage.Error("rate_limited", "slow down"));
    }
  }

  @Test
  void encodeStateForConnection_unknownRecipient_namesTheGhostAndTick() {
    assertThatThrownBy(() -> GAME.encodeStateForConnection(Fixtures.room(), cohort(Protocol.PROTOBUF, V110), "nobody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recipient ghost \"nobody\" is not in the room at tick 7 (use forRecipient(null) for a spectator)");
  }

  @Test
  void encodeInput_useItemFor100Client_cannotBeExpressed() {
    assertThatThrownBy(() -> GAME.encodeInput(new PlayerInput(1, new PlayerInput.UseItem("key")), cohort(Protocol.JSON, V100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use_item does not exist");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
