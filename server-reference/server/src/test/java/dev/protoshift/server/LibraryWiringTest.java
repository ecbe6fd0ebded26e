package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.protoshift.convert.Cohort;
import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.Ghost;
import dev.protoshift.reference.game.RoomState;
import dev.protoshift.reference.game.Waypoint;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.Negotiation;
import dev.protoshift.versioning.Negotiator;
import dev.protoshift.versioning.SupportedVersions;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutContext;
import dev.protoshift.versioning.rollout.RolloutPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libraries composed by hand as a server does, without protoshift-session: negotiation, the
 * rollout decision from a watched file, the reference game's cohort and per-recipient frame. (The
 * README's first screen shows examples/arena's code now, checked by its DocSnippetsTest.)
 */
class LibraryWiringTest {

  @TempDir Path dir;

  @Test
  void oldClientInRollout_getsProtobufWithRouteJson() throws Exception {
    Path configFile = dir.resolve("rollout.yaml");
    Files.writeString(configFile, "protobuf:\n  enabled: true\n  rollout_percentage: 100\n");
    Map<String, String> env = Map.of();
    RoomState room = new RoomState(1_764_000_000_000_000L, 42,
        List.of(Ghost.of("g1", "Blinky", 1f, 2f, Ghost.State.CHASING).withWaypoints(List.of(new Waypoint(3f, 4f)))),
        null, null);

    // Once per server: the versions it speaks, the rollout config (YAML + env, hot-reloaded), the converters.
    Negotiator negotiator = Negotiator.builder(
        SupportedVersions.between("1.0.0", ReferenceSchema.protocolVersion())).build();
    RolloutConfigHolder rollout = RolloutConfigHolder.builder().watchFile(configFile).environment(env).build();
    GameProtocol game = GameProtocol.reference();

    // Per connection, e.g. ws://host/ws?room=lobby&proto_version=1.0.0
    Negotiation n = negotiator.onUpgrade("room=lobby&proto_version=1.0.0", List.of(),
        client -> RolloutPolicy.decide(rollout.current(), RolloutContext.of("lobby", null, "conn-1", client)));
    Agreement a = (Agreement) n;  // or a Rejection naming the supported range
    Cohort cohort = game.cohortFor(a); // PROTOBUF (reason in_rollout) × the 1.0.0 view

    // Per tick: convert and encode once per cohort; each member's frame is copied from those bytes.
    byte[] frame = game.encodeState(room, cohort).forRecipient("g1");

    try (rollout) {
      assertThat(a.protocol().code()).isEqualTo("protobuf");
      assertThat(a.decision().reason().code()).isEqualTo("in_rollout");
      Message seen = DynamicMessage.parseFrom(ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope"), frame);
      Message state = (Message) seen.getField(seen.getDescriptorForType().findFieldByName("state_update"));
      Message me = (Message) state.getField(state.getDescriptorForType().findFieldByName("me"));
      assertThat(me.getField(me.getDescriptorForType().findFieldByName("route_json")))
          .isEqualTo("[{\"x\":3.0,\"y\":4.0}]");
    }
  }
}
