package dev.protoshift.reference.game;

import static dev.protoshift.reference.game.GameGen.GAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protoshift.convert.Changelog;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.convert.VersionClass;
import dev.protoshift.convert.View;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.proto.game.WsEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference chain against the frozen release history of ws_messages.proto. */
class GameVersionsTest {

  static final Path CHANGELOG = Path.of(System.getProperty("basedir", ".")).resolve("../../docs/changelog.md").normalize();

  private static final Descriptor V100 = ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void chain_declaresEveryReleaseOfTheSchema() {
    List<String> declared = new ArrayList<>(List.of(GAME.chain().baseline().toString()));
    GAME.chain().releases().forEach(r -> declared.add(r.version().toString()));

    assertThat(declared).as("a release in proto/reference/history needs its entry in GameVersions (docs/proto-update-workflow.md)")
        .isEqualTo(ReferenceSchema.releasedVersions());
    assertThat(GAME.chain().latest().toString()).isEqualTo(ReferenceSchema.protocolVersion());
  }

  @Test
  void chain_derivesTwoViewsAndThreeFeatures() {
    assertThat(GAME.chain().classes()).extracting(VersionClass::toString)
        .containsExactly("1.0.0 view (>=1.0.0 <1.1.0)", "1.1.0 view (>=1.1.0)");
    assertThat(GAME.chain().features()).containsExactly("dag", "inventory", "story");
  }

  @Test
  void everyView_isExactlyItsReleasesSchema_noFieldItDoesNotKnow() {
    qt().forAll(GameGen.deliveries(), GameGen.views()).checkAssert((delivery, view) -> {
      Descriptor frozen = ReferenceSchema.releasedMessage(view.versionClass().label(), "WsEnvelope");
      byte[] frame = GAME.encodeState(delivery.room(), new Cohort(Protocol.PROTOBUF, view)).forRecipient(delivery.recipient());

      assertThat(unknownFields(parse(frozen, frame), "")).as("fields unknown to release %s", view.versionClass().label()).isEmpty();
    });
  }

  @Test
  void messageFor100Client_readWithThe100Schema_showsThe100ViewWithRouteJsonEqualToTheWaypoints() {
    View view = GAME.chain().baselineView();
    qt().forAll(GameGen.deliveries()).checkAssert(delivery -> {
      byte[] frame = GAME.encodeState(delivery.room(), new Cohort(Protocol.PROTOBUF, view)).forRecipient(delivery.recipient());

      Message state = (Message) field(parse(V100, frame), "state_update");

      ServerMessage.State sent = ServerMessage.State.of(delivery.room(), delivery.recipient());
      assertThat(field(state, "now")).isEqualTo(sent.now());
      assertThat(field(state, "tick")).isEqualTo(sent.tick());
      if (sent.me() != null) {
        assertGhostAsSeenBy100Client((Message) field(state, "me"), sent.me());
      }
      List<?> ghosts = (List<?>) field(state, "ghosts");
      assertThat(ghosts).hasSameSizeAs(sent.ghosts());
      for (int i = 0; i < ghosts.size(); i++) {
        assertGhostAsSeenBy100Client((Message) ghosts.get(i), sent.ghosts().get(i));
      }
    });
  }

  private static void assertGhostAsSeenBy100Client(Message seen, Ghost ghost) {
    assertThat(field(seen, "id")).isEqualTo(ghost.id());
    assertThat(field(seen, "name")).isEqualTo(ghost.name());
    assertThat(List.of(field(seen, "x"), field(seen, "y"), field(seen, "heading"), field(seen, "speed")))
        .isEqualTo(List.of(ghost.x(), ghost.y(), ghost.heading(), ghost.speed()));
    assertThat(((EnumValueDescriptor) field(seen, "state")).getNumber()).isEqualTo(ghost.state().ordinal());
    assertThat(field(seen, "color")).isEqualTo(ghost.color());
    assertThat(field(seen, "score")).isEqualTo(ghost.score());
    assertThat(routeOf((String) field(seen, "route_json"))).as("route_json of %s", ghost.id()).isEqualTo(ghost.waypoints());
  }

  /** The route as any JSON parser reads it (Jackson's tree, not protoshift's reader). */
  private static List<Waypoint> routeOf(String routeJson) {
    try {
      List<Waypoint> route = new ArrayList<>();
      for (JsonNode point : JSON.readTree(routeJson)) {
        route.add(new Waypoint(Float.parseFloat(point.get("x").asText()), Float.parseFloat(point.get("y").asText())));
      }
      return route;
    } catch (IOException e) {
      throw new UncheckedIOException("route_json is not JSON: " + routeJson, e);
    }
  }

  @Test
  void messageFor110Client_readBy100Client_losesNothingThatClientKnew() {
    qt().forAll(GameGen.deliveries()).checkAssert(delivery -> {
      byte[] for110 = GAME.encodeStateForConnection(delivery.room(),
          new Cohort(Protocol.PROTOBUF, GAME.chain().latestView()), delivery.recipient());
      byte[] for100 = GAME.encodeStateForConnection(delivery.room(),
          new Cohort(Protocol.PROTOBUF, GAME.chain().baselineView()), delivery.recipient());

      DynamicMessage seen = parse(V100, for110);

      // Every 1.0.0 field reads the same as in the 1.0.0 view, except the route: route_json is
      // not sent from 1.1.0 on, which is why clients older than 1.1.0 get the 1.0.0 view.
      assertThat(knownFields(seen, true)).isEqualTo(knownFields(parse(V100, for100), true));
      // What the 1.0.0 schema does not know stays in unknown fields: re-encoding loses nothing.
      assertThat(seen.toByteArray()).isEqualTo(for110);
    });
  }

  @Test
  void changelog_isGeneratedFromTheChain_andCheckedIn() throws IOException {
    String generated = renderChangelog(GAME.chain());
    if (Boolean.getBoolean("protoshift.regenerate")) {
      Files.writeString(CHANGELOG, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(CHANGELOG)).as("%s exists", CHANGELOG).isTrue();
    assertThat(Files.readString(CHANGELOG, StandardCharsets.UTF_8))
        .as("docs/changelog.md is stale: regenerate it with "
            + "./mvnw -B -ntp -pl server-reference/game -am verify -Dprotoshift.regenerate=true")
        .isEqualTo(generated);
  }

  static String renderChangelog(VersionChain<WsEnvelope.Builder> chain) {
    return Changelog.render(chain, "Protocol changelog", """
        What each release of `ws_messages.proto` changed for clients, newest first, and which
        view each client version gets.

        > Generated from the version chain in
        > `server-reference/game/src/main/java/dev/protoshift/reference/game/GameVersions.java`; do not edit.
        > `GameVersionsTest` fails when this page differs from the chain. Regenerate with
        > `./mvnw -B -ntp -pl server-reference/game -am verify -Dprotoshift.regenerate=true`.
        """);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static DynamicMessage parse(Descriptor type, byte[] bytes) {
    try {
      return DynamicMessage.parseFrom(type, bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("the frozen " + type.getFullName() + " cannot read the frame", e);
    }
  }

  static Object field(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    assertThat(field).as("%s.%s", message.getDescriptorForType().getFullName(), name).isNotNull();
    return message.getField(field);
  }

  /** Paths of every unknown field in {@code message} and its sub-messages. */
  private static List<String> unknownFields(Message message, String path) {
    List<String> unknown = new ArrayList<>();
    message.getUnknownFields().asMap().keySet().forEach(n -> unknown.add(path + "#" + n));
    message.getAllFields().forEach((field, value) -> {
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        return;
      }
      List<?> values = field.isRepeated() ? (List<?>) value : List.of(value);
      for (int i = 0; i < values.size(); i++) {
        unknown.addAll(unknownFields((Message) values.get(i), path + "." + field.getName() + "[" + i + "]"));
      }
    });
    return unknown;
  }

  /** The fields the message's schema knows, recursively, as plain values (unknown fields left out). */
  private static Map<String, Object> knownFields(Message message, boolean withoutRoute) {
    Map<String, Object> known = new LinkedHashMap<>();
    message.getAllFields().forEach((field, value) -> {
      if (withoutRoute && field.getName().equals("route_json")) {
        return;
      }
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        known.put(field.getName(), value instanceof EnumValueDescriptor e ? e.getName() : value);
      } else if (field.isRepeated()) {
        known.put(field.getName(), ((List<?>) value).stream().map(m -> knownFields((Message) m, withoutRoute)).toList());
      } else {
        known.put(field.getName(), knownFields((Message) value, withoutRoute));
      }
    });
    return known;
  }
}
