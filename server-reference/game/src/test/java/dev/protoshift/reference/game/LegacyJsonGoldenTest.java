package dev.protoshift.reference.game;

import static dev.protoshift.reference.game.GameGen.GAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.View;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legacy JSON encoding, pinned: what the pre-protobuf server sent must not drift. Each golden
 * file under {@code src/test/resources/golden/legacy-json/} is compared with the encoder's exact
 * output (keys, order, number forms), and decoded back to its domain record.
 *
 * <p>After an intended change of the encoding, regenerate with
 * {@code ./mvnw -B -ntp -pl server-reference/game -am verify -Dprotoshift.regenerate=true} and review the diff.
 */
class LegacyJsonGoldenTest {

  private static final Path DIR = Path.of(System.getProperty("basedir", "."))
      .resolve("src/test/resources/golden/legacy-json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final View V100 = GAME.chain().baselineView();
  private static final View V110 = GAME.chain().latestView();
  private static final View V110_DAG_ONLY = GAME.view(ProtocolVersion.parse("1.1.0"), List.of("dag"));

  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of("state-1.0.0-view.json", V100, "g-1"),
        Arguments.of("state-1.0.0-view-spectator.json", V100, null),
        Arguments.of("state-1.1.0-view.json", V110, "g-1"),
        Arguments.of("state-1.1.0-view-dag-only.json", V110_DAG_ONLY, "g-3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void state_encodesToTheGoldenFile_andDecodesBack(String file, View view, String recipient) throws Exception {
    byte[] encoded = GAME.encodeState(Fixtures.room(), new Cohort(Protocol.JSON, view)).forRecipient(recipient);

    assertMatchesGolden(file, encoded);
    assertThat(GAME.decodeJsonServerMessage(golden(file), view)).isEqualTo(Expected.seen(Fixtures.room(), recipient, view));
  }

  static Stream<Arguments> inputs() {
    List<Waypoint> route = List.of(new Waypoint(1.5f, -2f), new Waypoint(0.1f, 1e-7f));
    return Stream.of(
        Arguments.of("input-move.json", V100, new PlayerInput(1, new PlayerInput.Move(0.5f, -1f))),
        Arguments.of("input-set_route-1.0.0-view.json", V100, new PlayerInput(2, new PlayerInput.SetRoute(route))),
        Arguments.of("input-set_route-1.1.0-view.json", V110, new PlayerInput(3, new PlayerInput.SetRoute(route))),
        Arguments.of("input-use_item.json", V110, new PlayerInput(4, new PlayerInput.UseItem("i-1"))),
        Arguments.of("input-choose_story.json", V110, new PlayerInput(5, new PlayerInput.ChooseStory("o-2"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void input_encodesToTheGoldenFile_andDecodesBack(String file, View view, PlayerInput input) throws Exception {
    assertMatchesGolden(file, GAME.encodeInput(input, new Cohort(Protocol.JSON, view)));
    assertThat(GAME.decodeJsonInput(golden(file), view)).isEqualTo(input);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("views")
  void error_encodesToTheGoldenFile_inEveryView(View view) throws Exception {
    ServerMessage.Error error = new ServerMessage.Error("bad_frame", "not a protobuf WsEnvelope");

    assertMatchesGolden("error.json", GAME.encodeError(error, new Cohort(Protocol.JSON, view)));
    assertThat(GAME.decodeJsonServerMessage(golden("error.json"), view)).isEqualTo(error);
  }

  static Stream<View> views() {
    return Stream.of(V100, V110);
  }

  private static void assertMatchesGolden(String file, byte[] encoded) throws IOException, DecodeException {
    String actual = new String(encoded, StandardCharsets.UTF_8);
    Path path = DIR.resolve(file);
    if (Boolean.getBoolean("protoshift.regenerate")) {
      Files.createDirectories(DIR);
      Files.writeString(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(actual)) + "\n");
    }
    assertThat(Files.exists(path)).as("golden file %s", path).isTrue();
    JsonNode expected = JSON.readTree(golden(file));
    assertThat(JSON.readTree(actual)).as("%s, as JSON", file).isEqualTo(expected);
    assertThat(actual).as("%s, byte for byte (key order, number forms)", file).isEqualTo(JSON.writeValueAsString(expected));
  }

  private static String golden(String file) throws IOException {
    return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
  }
}
