package com.example.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.arena.v1.ArenaMessage;
import com.example.arena.v1.Direction;
import com.example.arena.v1.Point;
import com.example.arena.v1.Problem;
import com.example.arena.v1.Snake;
import com.example.arena.v1.State;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/your-own-schema.md, step for step: the page quotes the regions between "doc:start" and
 * "doc:end" (DocSnippetsTest keeps them identical), so what the page shows compiles and runs.
 */
class YourOwnSchemaTest {

  // doc:start check-history
  @Test
  void chain_coversTheReleaseHistory() {
    // Every release the chain serves, read as its clients read it: nothing unknown to them, and
    // every deprecated field they still read filled.
    assertThat(ArenaProtocol.CHAIN.checkHistory()).isEmpty();
  }
  // doc:end

  @Test
  @SuppressWarnings("deprecation") // getBodyJson: the test reads what old clients read
  void encodeAll_threeCohorts_eachGetsWhatItsReleaseReads() throws Exception {
    // doc:start frames
    State state = State.newBuilder().setTick(7)
        .addSnakes(Snake.newBuilder().setId("ada").setScore(2)
            .addBody(Point.newBuilder().setX(3).setY(4))
            .addBody(Point.newBuilder().setX(3).setY(5)))
        .build();

    VersionChain<ArenaMessage.Builder> chain = ArenaProtocol.CHAIN;
    Cohort protobuf100 = new Cohort(Protocol.PROTOBUF, chain.view(ProtocolVersion.parse("1.0.0"), null));
    Cohort protobuf110 = new Cohort(Protocol.PROTOBUF, chain.latestView());
    Cohort json = new Cohort(Protocol.JSON, chain.baselineView()); // a JSON client that declared no version

    // Once per tick: converted once per view, encoded once per cohort.
    Map<Cohort, CohortFrame> frames = ArenaProtocol.STATES.encodeAll(state, List.of(protobuf100, protobuf110, json));
    // doc:end

    // doc:start frame-1.0.0
    // A 1.0.0 client reads the frame with the 1.0.0 schema (the frozen release, from the jar):
    Descriptor release100 = ArenaProtocol.HISTORY.message("1.0.0", "arena.v1.ArenaMessage").orElseThrow();
    DynamicMessage seen = DynamicMessage.parseFrom(release100, frames.get(protobuf100).shared());
    // body_json is filled from body; body, which 1.0.0 does not have, did not reach it (an unknown
    // field would print as "4: ...").
    assertThat(TextFormat.printer().emittingSingleLine(true).printToString(seen).strip())
        .isEqualTo("state { tick: 7 snakes { id: \"ada\" body_json: \"[[3,4],[3,5]]\" score: 2 } }");
    // doc:end

    // doc:start frame-1.1.0
    // A 1.1.0 client gets the points, and no body_json:
    Snake snake = ArenaMessage.parseFrom(frames.get(protobuf110).shared()).getState().getSnakes(0);
    assertThat(snake.getBodyList()).containsExactly(point(3, 4), point(3, 5));
    assertThat(snake.getBodyJson()).isEmpty();
    // doc:end

    // doc:start frame-json
    // The JSON client gets its release's fields with protobuf's JSON mapping (uint64 as a string):
    assertThat(new String(frames.get(json).shared(), StandardCharsets.UTF_8))
        .isEqualTo("{\"state\":{\"tick\":\"7\",\"snakes\":[{\"id\":\"ada\",\"bodyJson\":\"[[3,4],[3,5]]\",\"score\":2}]}}");
    // doc:end
  }

  @Test
  void codec_inputAndErrors_travelInTheClientsProtocol() throws Exception {
    Cohort json = new Cohort(Protocol.JSON, ArenaProtocol.CHAIN.baselineView());
    Cohort protobuf = new Cohort(Protocol.PROTOBUF, ArenaProtocol.CHAIN.latestView());

    // doc:start codec
    // What a client sends, read in its protocol and upgraded to the current schema:
    ArenaMessage.Builder input = ArenaProtocol.CODEC.decode("{\"input\":{\"turn\":\"UP\"}}", json);
    // A message of the server's own (not the tick's state), for one client:
    byte[] error = ArenaProtocol.CODEC.encode(ArenaMessage.newBuilder()
        .setError(Problem.newBuilder().setCode("bad_turn").setMessage("no U-turns")), protobuf);
    // doc:end

    assertThat(input.getInput().getTurn()).isEqualTo(Direction.UP);
    assertThat(ArenaMessage.parseFrom(error).getError().getCode()).isEqualTo("bad_turn");
  }

  @Test
  void decode_aKeyTheSchemaDoesNotHave_isRefusedNamingIt() {
    Cohort json = new Cohort(Protocol.JSON, ArenaProtocol.CHAIN.baselineView());

    assertThatThrownBy(() -> ArenaProtocol.CODEC.decode("{\"input\":{\"steer\":\"UP\"}}", json))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("steer");
  }

  @Test
  void downgrade_snakeWithoutBody_getsAnEmptyJsonArray() {
    State state = State.newBuilder().setTick(1).addSnakes(Snake.newBuilder().setId("new")).build();
    Cohort old = new Cohort(Protocol.JSON, ArenaProtocol.CHAIN.baselineView());

    assertThat(new String(ArenaProtocol.STATES.encode(state, old).shared(), StandardCharsets.UTF_8))
        .isEqualTo("{\"state\":{\"tick\":\"1\",\"snakes\":[{\"id\":\"new\",\"bodyJson\":\"[]\"}]}}");
  }

  private static Point point(int x, int y) {
    return Point.newBuilder().setX(x).setY(y).build();
  }
}
