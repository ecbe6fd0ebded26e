package dev.protoshift.reference.game;

import static dev.protoshift.reference.game.GameGen.GAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.View;
import dev.protoshift.versioning.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes and text into every decoder: the result is a message or a
 * {@link DecodeException}, never another exception; and what decodes re-encodes and decodes to
 * the same message.
 *
 * <p>The default build runs the committed seed corpus (regression mode), under
 * {@code src/test/resources/dev/protoshift/reference/game/GameProtocolFuzzTestInputs/<method>/}.
 * To fuzz for new findings, which Jazzer adds to that directory:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -ntp -pl server-reference/game -am verify -Dtest=GameProtocolFuzzTest#binaryFrames -Dsurefire.failIfNoSpecifiedTests=false}
 * (one fuzz test per run; see docs/converters.md).
 */
class GameProtocolFuzzTest {

  private static final List<View> VIEWS = List.of(GAME.chain().baselineView(), GAME.chain().latestView(),
      GAME.view(GAME.chain().latest(), List.of()));

  static final Path INPUTS = Path.of(System.getProperty("basedir", "."))
      .resolve("src/test/resources/dev/protoshift/reference/game/GameProtocolFuzzTestInputs");

  @Test
  void seedCorpus_isCommitted() throws IOException {
    for (Map.Entry<String, Map<String, byte[]>> method : FuzzSeeds.seeds().entrySet()) {
      Path dir = INPUTS.resolve(method.getKey());
      for (Map.Entry<String, byte[]> seed : method.getValue().entrySet()) {
        Path file = dir.resolve(seed.getKey());
        if (Boolean.getBoolean("protoshift.regenerate")) {
          Files.createDirectories(dir);
          Files.write(file, seed.getValue());
        }
        assertThat(file).as("seed %s (regenerate with -Dprotoshift.regenerate=true)", file).exists();
        assertThat(Files.readAllBytes(file)).as("seed %s is stale", file).isEqualTo(seed.getValue());
      }
    }
  }

  @FuzzTest(maxDuration = "60s")
  void binaryFrames(byte[] frame) {
    for (View view : VIEWS) {
      Cohort cohort = new Cohort(Protocol.PROTOBUF, view);
      try {
        PlayerInput input = GAME.decodeBinaryInput(frame, view);
        if (Expected.expressible(input, view)) {
          assertThat(GAME.decodeBinaryInput(GAME.encodeInput(input, cohort), view)).isEqualTo(input);
        }
      } catch (DecodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
      try {
        ServerMessage message = GAME.decodeBinaryServerMessage(frame, view);
        assertThat(GAME.decodeBinaryServerMessage(reencode(message, cohort), view)).isEqualTo(seen(message, view));
      } catch (DecodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @FuzzTest(maxDuration = "60s")
  void jsonFrames(byte[] utf8) {
    String text = new String(utf8, StandardCharsets.UTF_8);
    for (View view : VIEWS) {
      Cohort cohort = new Cohort(Protocol.JSON, view);
      try {
        PlayerInput input = GAME.decodeJsonInput(utf8, view);
        if (Expected.expressible(input, view)) {
          assertThat(GAME.decodeJsonInput(GAME.encodeInput(input, cohort), view)).isEqualTo(input);
        }
      } catch (DecodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
      try {
        GAME.decodeJsonInput(text, view);
      } catch (DecodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
      try {
        ServerMessage message = GAME.decodeJsonServerMessage(text, view);
        assertThat(GAME.decodeJsonServerMessage(reencode(message, cohort), view)).isEqualTo(seen(message, view));
      } catch (DecodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  /** What a client with {@code view} keeps of a message (a frame may carry more than its view). */
  private static ServerMessage seen(ServerMessage message, View view) {
    return message instanceof ServerMessage.State state ? Expected.seen(state, view) : message;
  }

  /** The message as the server would send it again to a client with the cohort's view. */
  private static byte[] reencode(ServerMessage message, Cohort cohort) {
    if (message instanceof ServerMessage.Error error) {
      return GAME.encodeError(error, cohort);
    }
    ServerMessage.State state = (ServerMessage.State) message;
    List<Ghost> all = new ArrayList<>(state.ghosts());
    if (state.me() != null) {
      all.add(0, state.me());
    }
    RoomState room = new RoomState(state.now(), state.tick(), all, state.dag(), state.story());
    return GAME.encodeStateForConnection(room, cohort, state.me() == null ? null : state.me().id());
  }
}
