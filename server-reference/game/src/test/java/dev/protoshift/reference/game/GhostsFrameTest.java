package dev.protoshift.reference.game;

import static dev.protoshift.reference.game.GameGen.GAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protoshift.convert.Cohort;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.reference.ReferenceSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GhostsFrameTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void forRecipient_isByteForByteThePerConnectionEncoding() {
    qt().forAll(GameGen.deliveries(), GameGen.views()).checkAssert((delivery, view) -> {
      for (Protocol protocol : Protocol.values()) {
        Cohort cohort = new Cohort(protocol, view);
        GhostsFrame frame = GAME.encodeState(delivery.room(), cohort);

        assertThat(frame.forRecipient(delivery.recipient()))
            .as("%s for %s", cohort, delivery.recipient())
            .isEqualTo(GAME.encodeStateForConnection(delivery.room(), cohort, delivery.recipient()));
      }
    });
  }

  @Test
  void forRecipient_json_isOneValidJsonObjectWithMeAndTheOthers() {
    qt().forAll(GameGen.deliveries(), GameGen.views()).checkAssert((delivery, view) -> {
      GhostsFrame frame = GAME.encodeState(delivery.room(), new Cohort(Protocol.JSON, view));

      JsonNode message = parse(frame.textForRecipient(delivery.recipient()));

      List<String> others = new ArrayList<>();
      message.get("ghosts").forEach(g -> others.add(g.get("id").textValue()));
      List<String> expected = new ArrayList<>(frame.ghostIds());
      expected.remove(delivery.recipient());
      assertThat(others).isEqualTo(expected);
      if (delivery.recipient() == null) {
        assertThat(message.has("me")).isFalse();
      } else {
        assertThat(message.get("me").get("id").textValue()).isEqualTo(delivery.recipient());
      }
    });
  }

  @Test
  void forRecipient_protobuf_is100ClientReadableWithMeOnceAndTheOthers() {
    Descriptor v100 = ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope");
    qt().forAll(GameGen.deliveries()).checkAssert(delivery -> {
      GhostsFrame frame = GAME.encodeState(delivery.room(), new Cohort(Protocol.PROTOBUF, GAME.chain().baselineView()));

      Message state = (Message) field(parse(v100, frame.forRecipient(delivery.recipient())), "state_update");

      List<String> others = new ArrayList<>();
      for (Object ghost : (List<?>) field(state, "ghosts")) {
        others.add((String) field((Message) ghost, "id"));
      }
      List<String> expected = new ArrayList<>(frame.ghostIds());
      expected.remove(delivery.recipient());
      assertThat(others).isEqualTo(expected);
      assertThat(state.hasField(state.getDescriptorForType().findFieldByName("me"))).isEqualTo(delivery.recipient() != null);
    });
  }

  @Test
  void forRecipient_playerOfEveryGhost_sameLengthInProtobuf() {
    GhostsFrame frame = GAME.encodeState(Fixtures.room(), new Cohort(Protocol.PROTOBUF, GAME.chain().latestView()));

    assertThat(frame.ghostIds()).extracting(id -> frame.forRecipient(id).length).containsOnly(frame.forSpectator().length);
  }

  @Test
  void forRecipient_unknownGhost_isRefusedWithTheGhostAndTick() {
    GhostsFrame frame = GAME.encodeState(Fixtures.room(), new Cohort(Protocol.JSON, GAME.chain().latestView()));

    assertThat(frame.hasGhost("g-9")).isFalse();
    assertThatThrownBy(() -> frame.forRecipient("g-9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"g-9\" is not in the room at tick 7");
  }

  @Test
  void forRecipient_null_isTheSpectatorFrame() {
    GhostsFrame frame = GAME.encodeState(Fixtures.room(), new Cohort(Protocol.PROTOBUF, GAME.chain().latestView()));

    assertThat(frame.forRecipient(null)).isSameAs(frame.forSpectator());
  }

  @Test
  void textForRecipient_protobufCohort_isRefused() {
    GhostsFrame frame = GAME.encodeState(Fixtures.room(), new Cohort(Protocol.PROTOBUF, GAME.chain().latestView()));

    assertThatThrownBy(() -> frame.textForRecipient("g-1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void emptyRoom_encodesForSpectators() {
    RoomState empty = new RoomState(0, 0, List.of(), null, null);
    for (Protocol protocol : Protocol.values()) {
      Cohort cohort = new Cohort(protocol, GAME.chain().baselineView());

      assertThat(GAME.encodeState(empty, cohort).forSpectator())
          .isEqualTo(GAME.encodeStateForConnection(empty, cohort, null));
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  private static DynamicMessage parse(Descriptor type, byte[] bytes) {
    try {
      return DynamicMessage.parseFrom(type, bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("a 1.0.0 client cannot read the frame", e);
    }
  }

  static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }
}
