package dev.protoshift.reference.game.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.WsEnvelope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LegacyJsonReaderTest {

  @Test
  void typeAnywhereInTheObject_readsTheSame() throws DecodeException {
    WsEnvelope first = LegacyJsonReader.read("{\"type\":\"move\",\"client_seq\":3,\"dx\":0.1,\"dy\":-1}").build();
    WsEnvelope last = LegacyJsonReader.read("{\"client_seq\":3,\"dx\":0.1,\"dy\":-1,\"type\":\"move\"}").build();

    assertThat(last).isEqualTo(first);
    assertThat(first.getPlayerInput().getMove().getDx()).isEqualTo(0.1f);
  }

  @Test
  void floats_areRoundedOnceFromTheirText_notThroughDouble() throws DecodeException {
    // Just below the midpoint of two floats: read as a double first, it would round to the
    // midpoint and then, ties to even, to the upper float.
    String justBelowMidpoint = "0.50000008940696716308593749";
    float lower = Math.nextUp(0.5f);

    for (String json : new String[] {"{\"type\":\"move\",\"dx\":" + justBelowMidpoint + "}",
        "{\"dx\":" + justBelowMidpoint + ",\"type\":\"move\"}"}) {
      assertThat(LegacyJsonReader.read(json).getPlayerInput().getMove().getDx()).as(json).isEqualTo(lower);
    }
  }

  @Test
  void unknownKeys_areIgnored() throws DecodeException {
    assertThat(LegacyJsonReader.read("{\"type\":\"use_item\",\"item_id\":\"k\",\"emote\":{\"a\":[1]}}").build()
        .getPlayerInput().getUseItem().getItemId()).isEqualTo("k");
  }

  @Test
  void numbersOutOfTheirFieldsRange_areRefusedWithThePath() {
    assertRefused("{\"type\":\"state\",\"ghosts\":[{\"score\":2147483648}]}", "ghosts[0].score: must be a 32-bit integer, was 2147483648");
    assertRefused("{\"type\":\"state\",\"me\":{\"color\":-1}}", "me.color: must be 0..4294967295, was -1");
    assertRefused("{\"type\":\"move\",\"client_seq\":123456789012345678901234567890}",
        "client_seq: must be a 64-bit integer, was \"123456789012345678901234567890\"");
    assertRefused("{\"type\":\"move\",\"client_seq\":-1}", "client_seq: must not be negative, was -1");
    assertRefused("{\"type\":\"state\",\"tick\":1.5}", "tick: must be an integer, was a decimal number");
  }

  @Test
  void wrongJsonTypes_areRefusedWithThePath() {
    assertRefused("{\"type\":\"move\",\"dx\":\"0.5\"}", "dx: must be a number, was a string");
    assertRefused("{\"type\":\"state\",\"ghosts\":{}}", "ghosts: must be an array, was an object");
    assertRefused("{\"type\":\"state\",\"ghosts\":[{\"id\":null}]}", "ghosts[0].id: must be a string, was null");
    assertRefused("{\"type\":\"state\",\"dag\":{\"nodes\":[{\"unlocked\":1}]}}", "dag.nodes[0].unlocked: must be true or false, was an integer");
    assertRefused("{\"type\":\"set_route\",\"route\":\"[]\"}", "route: must be an array of {\"x\":..,\"y\":..} points, was a string");
    assertRefused("{\"type\":7}", "type: must be a string, was an integer");
    assertRefused("{\"client_seq\":1,\"type\":7}", "type: must be a string, was NUMBER");
  }

  @Test
  void notAMessage_isMalformedOrUnexpected() {
    assertThat(refusal("")).hasMessage("empty frame: expected a JSON object");
    assertThat(refusal("[1]")).hasMessage("expected a JSON object, was START_ARRAY");
    assertThat(refusal("{\"type\":\"move\"} {}")).hasMessage("data after the JSON object");
    assertThat(refusal("{\"type\":\"move\",\"dx\":1,\"dx\":2}").code()).isEqualTo("bad_frame");
    assertThat(refusal("{\"dx\":1}")).hasMessage("JSON message has no \"type\"")
        .extracting(DecodeException::code).isEqualTo("unexpected_message");
    assertThat(refusal("{\"type\":\"teleport\"}")).hasMessage("unknown message type \"teleport\"; expected state, error, "
        + "move, set_route, use_item or choose_story");
    assertThat(refusal("{\"type\":\"move\",\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").code()).isEqualTo("bad_frame");
  }

  @Test
  void invalidUtf8_isMalformed() {
    byte[] frame = "{\"type\":\"use_item\",\"item_id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    frame[29] = (byte) 0xC3;

    assertThatThrownBy(() -> LegacyJsonReader.read(frame))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo("bad_frame"));
  }

  private static void assertRefused(String json, String message) {
    assertThat(refusal(json)).hasMessage(message).extracting(DecodeException::code).isEqualTo("invalid_field");
  }

  private static DecodeException refusal(String json) {
    try {
      LegacyJsonReader.read(json);
    } catch (DecodeException e) {
      return e;
    }
    throw new AssertionError("accepted " + json);
  }
}
