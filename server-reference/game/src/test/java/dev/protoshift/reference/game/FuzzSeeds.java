package dev.protoshift.reference.game;

import static dev.protoshift.reference.game.GameGen.GAME;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.View;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.proto.game.Move;
import dev.protoshift.proto.game.SetRoute;
import dev.protoshift.proto.game.StateUpdate;
import dev.protoshift.proto.game.WsEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed corpus of {@link GameProtocolFuzzTest}: valid frames of every kind and view, and the
 * bad inputs the decoders must refuse. {@code GameProtocolFuzzTest.seedCorpus_isCommitted}
 * checks the committed files against it and rewrites them with {@code -Dprotoshift.regenerate=true}.
 * Findings of fuzzing runs are added to the same directories by Jazzer, under other names.
 */
final class FuzzSeeds {

  private FuzzSeeds() {}

  /** Seeds by fuzz test method, then by file name. */
  @SuppressWarnings("deprecation")
  static Map<String, Map<String, byte[]>> seeds() {
    View v100 = GAME.chain().baselineView();
    View v110 = GAME.chain().latestView();
    RoomState room = Fixtures.room();

    Map<String, byte[]> binary = new LinkedHashMap<>();
    for (View view : List.of(v100, v110)) {
      Cohort cohort = new Cohort(Protocol.PROTOBUF, view);
      String v = view.versionClass().label();
      binary.put("state-" + v, GAME.encodeState(room, cohort).forRecipient("g-1"));
      binary.put("state-spectator-" + v, GAME.encodeState(room, cohort).forSpectator());
      binary.put("move-" + v, GAME.encodeInput(new PlayerInput(1, new PlayerInput.Move(0.5f, -1f)), cohort));
      binary.put("set_route-" + v, GAME.encodeInput(new PlayerInput(2, new PlayerInput.SetRoute(
          List.of(new Waypoint(1.5f, -2f), new Waypoint(3f, 4.25f)))), cohort));
    }
    Cohort latest = new Cohort(Protocol.PROTOBUF, v110);
    binary.put("use_item", GAME.encodeInput(new PlayerInput(3, new PlayerInput.UseItem("i-1")), latest));
    binary.put("choose_story", GAME.encodeInput(new PlayerInput(4, new PlayerInput.ChooseStory("o-1")), latest));
    binary.put("error", GAME.encodeError(new ServerMessage.Error("bad_frame", "no"), latest));
    binary.put("empty", new byte[0]);
    binary.put("truncated-state", Arrays.copyOf(binary.get("state-1.1.0"), 40));
    binary.put("bad-route_json", WsEnvelope.newBuilder().setPlayerInput(dev.protoshift.proto.game.PlayerInput.newBuilder()
        .setSetRoute(SetRoute.newBuilder().setRouteJson("[{\"x\":1,\"y\":\"2\"},"))).build().toByteArray());
    binary.put("nan-move", WsEnvelope.newBuilder().setPlayerInput(dev.protoshift.proto.game.PlayerInput.newBuilder()
        .setMove(Move.newBuilder().setDx(Float.NaN).setDy(Float.POSITIVE_INFINITY))).build().toByteArray());
    binary.put("huge-tick", WsEnvelope.newBuilder().setStateUpdate(StateUpdate.newBuilder().setTick(-1).setNow(-5))
        .build().toByteArray());
    binary.put("unknown-fields", GameProtocolTest.concat(binary.get("move-1.1.0"), new byte[] {0x12, 0x02, 0x4A, 0x00, 0x7A, 0x00}));
    binary.put("garbage", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x0A});

    Map<String, String> json = new LinkedHashMap<>();
    for (View view : List.of(v100, v110)) {
      Cohort cohort = new Cohort(Protocol.JSON, view);
      String v = view.versionClass().label();
      json.put("state-" + v, new String(GAME.encodeState(room, cohort).forRecipient("g-2"), StandardCharsets.UTF_8));
      json.put("set_route-" + v, new String(GAME.encodeInput(new PlayerInput(2, new PlayerInput.SetRoute(
          List.of(new Waypoint(1.5f, -2f)))), cohort), StandardCharsets.UTF_8));
    }
    json.put("move", "{\"type\":\"move\",\"client_seq\":1,\"dx\":0.5,\"dy\":-1}");
    json.put("move-type-last", "{\"client_seq\":1,\"dx\":0.5,\"dy\":-1,\"type\":\"move\"}");
    json.put("use_item", "{\"type\":\"use_item\",\"client_seq\":3,\"item_id\":\"i-1\"}");
    json.put("choose_story", "{\"type\":\"choose_story\",\"client_seq\":4,\"option_id\":\"o-1\"}");
    json.put("error", "{\"type\":\"error\",\"code\":\"bad_frame\",\"message\":\"no\"}");
    json.put("unknown-type", "{\"type\":\"teleport\",\"x\":1}");
    json.put("duplicate-key", "{\"type\":\"move\",\"dx\":0.5,\"dx\":1}");
    json.put("wrong-types", "{\"type\":\"state\",\"now\":\"soon\",\"ghosts\":{}}");
    json.put("huge-numbers", "{\"type\":\"move\",\"client_seq\":123456789012345678901234567890,\"dx\":1e400}");
    json.put("deep", "[".repeat(100) + "]".repeat(100));
    json.put("trailing", "{\"type\":\"move\"} {}");
    json.put("not-object", "\"move\"");
    json.put("empty", "");

    Map<String, byte[]> jsonBytes = new LinkedHashMap<>();
    json.forEach((name, text) -> jsonBytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    jsonBytes.put("invalid-utf8", new byte[] {'{', '"', 't', (byte) 0xC3, '"', ':', '1', '}'});
    return Map.of("binaryFrames", binary, "jsonFrames", jsonBytes);
  }
}
