package dev.protoshift.reference.game.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.proto.game.Ghost;
import dev.protoshift.proto.game.GhostState;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.Waypoint;
import dev.protoshift.proto.game.WsEnvelope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LegacyJsonWriterTest {

  private static String json(WsEnvelope envelope) {
    return new String(LegacyJsonWriter.encode(envelope), StandardCharsets.UTF_8);
  }

  @Test
  void ghost_writesEvery100FieldEvenWhenZero_andAnEmptyRoute() {
    WsEnvelope envelope = WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder()
        .addGhosts(Ghost.newBuilder().setId("g"))).build();

    assertThat(json(envelope)).isEqualTo("{\"type\":\"state\",\"now\":0,\"tick\":0,\"ghosts\":[{\"id\":\"g\",\"name\":\"\","
        + "\"x\":0.0,\"y\":0.0,\"heading\":0.0,\"speed\":0.0,\"state\":\"unspecified\",\"color\":0,\"score\":0,\"waypoints\":[]}]}");
  }

  @Test
  @SuppressWarnings("deprecation")
  void routeJson_isWrittenInlineAsRoute_insteadOfWaypoints() {
    WsEnvelope envelope = WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder()
        .setMe(Ghost.newBuilder().setId("g").setColor(0xFFFFFFFF).setRouteJson("[{\"x\":1.5,\"y\":-2.0}]")
            .addWaypoints(Waypoint.newBuilder().setX(9)))).build();

    assertThat(json(envelope)).contains("\"color\":4294967295,\"score\":0,\"route\":[{\"x\":1.5,\"y\":-2.0}]}")
        .doesNotContain("waypoints");
  }

  @Test
  void stateNames_areTheProtoNamesWithoutPrefix_unknownIsUnspecified() {
    assertThat(LegacyJsonWriter.stateName(GhostState.GHOST_STATE_CAUGHT)).isEqualTo("caught");
    assertThat(LegacyJsonWriter.stateName(GhostState.UNRECOGNIZED)).isEqualTo("unspecified");
    for (GhostState state : GhostState.values()) {
      if (state != GhostState.UNRECOGNIZED) {
        assertThat(state.name()).isEqualTo("GHOST_STATE_" + LegacyJsonWriter.stateName(state).toUpperCase());
        assertThat(LegacyJsonWriter.state(LegacyJsonWriter.stateName(state))).isEqualTo(state);
      }
    }
    assertThat(LegacyJsonWriter.state("dancing")).isEqualTo(GhostState.GHOST_STATE_UNSPECIFIED);
  }

  @Test
  void envelopeWithoutPayload_hasNoJsonForm() {
    assertThatThrownBy(() -> LegacyJsonWriter.encode(WsEnvelope.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
