package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.convert.ProtoJson.EnumFormat;
import dev.protoshift.convert.ProtoJson.FieldNames;
import dev.protoshift.convert.ProtoJson.Int64Format;
import dev.protoshift.convert.ProtoJson.Options;
import dev.protoshift.convert.ProtoJson.UnknownKeys;
import dev.protoshift.convert.testschema.json.Arena;
import dev.protoshift.convert.testschema.json.Direction;
import dev.protoshift.convert.testschema.json.Everything;
import dev.protoshift.convert.testschema.json.Point;
import dev.protoshift.convert.testschema.json.Snake;
import org.junit.jupiter.api.Test;

/** Each option's effect, as the exact text written or the exact result read. */
class ProtoJsonOptionsTest {

  /** A small arena: a snake with two body points, a score, an implicit field left at its default (you). */
  static final Arena ARENA = Arena.newBuilder().setTick(42).setServerTimeMs(1_700_000_000_000L)
      .addSnakes(Snake.newBuilder().setId("s1").setName("Ada").setHeading(Direction.UP).setSpeed(1.5f).setAlive(true)
          .addBody(Point.newBuilder().setX(1).setY(2)).addBody(Point.newBuilder().setX(1)))
      .putScores("Ada", 3).build();

  @Test
  void write_defaults_areProtobufsCanonicalCompactJson() {
    assertThat(write(Options.defaults(), ARENA)).isEqualTo("{\"tick\":\"42\",\"serverTimeMs\":\"1700000000000\","
        + "\"snakes\":[{\"id\":\"s1\",\"name\":\"Ada\",\"body\":[{\"x\":1,\"y\":2},{\"x\":1}],\"heading\":\"UP\","
        + "\"speed\":1.5,\"alive\":true}],\"scores\":{\"Ada\":3}}");
  }

  @Test
  void write_builder_isTheSameAsItsMessage() {
    assertThat(ProtoJson.create().write(ARENA.toBuilder())).isEqualTo(ProtoJson.create().write(ARENA));
  }

  @Test
  void write_protoNames_usesTheNamesOfTheProtoFile() {
    assertThat(write(Options.builder().fieldNames(FieldNames.PROTO_NAME).build(), ARENA))
        .startsWith("{\"tick\":\"42\",\"server_time_ms\":\"1700000000000\",");
  }

  @Test
  void write_int64AsNumbers_writesNumbersForEvery64BitType() {
    Arena arena = Arena.newBuilder().setTick(-1L).setServerTimeMs(Long.MIN_VALUE).build();

    assertThat(write(Options.builder().int64(Int64Format.NUMBER).build(), arena))
        .isEqualTo("{\"tick\":18446744073709551615,\"serverTimeMs\":-9223372036854775808}");
    assertThat(write(Options.defaults(), arena))
        .isEqualTo("{\"tick\":\"18446744073709551615\",\"serverTimeMs\":\"-9223372036854775808\"}");
  }

  @Test
  void write_writeDefaults_writesFieldsWithoutPresenceButNotUnsetMessagesOrOptionals() {
    Arena arena = Arena.newBuilder().addSnakes(Snake.getDefaultInstance()).build();

    assertThat(write(Options.builder().writeDefaults(true).build(), arena)).isEqualTo("{\"tick\":\"0\","
        + "\"serverTimeMs\":\"0\",\"snakes\":[{\"id\":\"\",\"name\":\"\",\"body\":[],\"heading\":\"DIRECTION_UNSPECIFIED\","
        + "\"speed\":0.0,\"alive\":false,\"length\":0,\"boostUntilMs\":\"0\"}],\"food\":[],\"scores\":{},\"you\":\"\","
        + "\"worldRadius\":0.0}");
    assertThat(write(Options.defaults(), arena)).isEqualTo("{\"snakes\":[{}]}");
  }

  @Test
  void write_explicitPresence_writesASetDefaultWhateverTheOption() {
    Arena arena = Arena.newBuilder().addSnakes(Snake.newBuilder().setTeam("")).build();

    assertThat(write(Options.defaults(), arena)).isEqualTo("{\"snakes\":[{\"team\":\"\"}]}");
  }

  @Test
  void write_enumsAsNumbers_writesTheNumber() {
    assertThat(write(Options.builder().enums(EnumFormat.NUMBER).build(), ARENA)).contains("\"heading\":1,");
  }

  @Test
  void write_unknownEnumNumber_isWrittenAsANumberEvenWithNames() {
    Arena arena = Arena.newBuilder().addSnakes(Snake.newBuilder().setHeadingValue(17)).build();

    assertThat(write(Options.defaults(), arena)).isEqualTo("{\"snakes\":[{\"heading\":17}]}");
  }

  @Test
  void read_unknownKeysRefused_namesTheKeyAndTheType() {
    assertThatThrownBy(() -> read(Options.defaults(), "{\"tick\":1,\"level\":3}"))
        .isInstanceOf(DecodeException.class).hasMessage("level: unknown key for convert.test.json.Arena");
  }

  @Test
  void read_unknownKeysIgnored_skipsUnknownKeysWithTheirValuesAndUnknownEnumNames() throws DecodeException {
    Options ignore = Options.builder().unknownKeys(UnknownKeys.IGNORE).build();

    Arena read = read(ignore, "{\"level\":{\"deep\":[1,{\"x\":null}]},\"tick\":7,"
        + "\"snakes\":[{\"heading\":\"SIDEWAYS\",\"name\":\"Ada\"}]}");

    assertThat(read).isEqualTo(Arena.newBuilder().setTick(7).addSnakes(Snake.newBuilder().setName("Ada")).build());
  }

  @Test
  void read_bothKeyForms_areAcceptedUnlessStrict() throws DecodeException {
    assertThat(read(Options.defaults(), "{\"server_time_ms\":5}").getServerTimeMs()).isEqualTo(5);
    assertThat(read(Options.builder().fieldNames(FieldNames.PROTO_NAME).build(), "{\"serverTimeMs\":5}")
        .getServerTimeMs()).isEqualTo(5);

    assertThatThrownBy(() -> read(Options.builder().strictFieldNames(true).build(), "{\"server_time_ms\":5}"))
        .hasMessage("server_time_ms: unknown key for convert.test.json.Arena (field names are strict: use \"serverTimeMs\")");
    assertThatThrownBy(() -> read(Options.builder().fieldNames(FieldNames.PROTO_NAME).strictFieldNames(true).build(),
        "{\"serverTimeMs\":5}"))
        .hasMessage("serverTimeMs: unknown key for convert.test.json.Arena (field names are strict: use \"server_time_ms\")");
  }

  @Test
  void read_recursionLimit_isConfigurable() {
    Options shallow = Options.builder().recursionLimit(2).build();

    assertThatThrownBy(() -> ProtoJson.create(shallow).read(
        "{\"next\":{\"next\":{\"next\":{}}}}".getBytes(UTF_8), Everything.newBuilder()))
        .hasMessage("next.next.next: nested deeper than 2 levels");
  }

  @Test
  void options_recursionLimitOutOfRange_isRefused() {
    assertThatThrownBy(() -> Options.builder().recursionLimit(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("recursionLimit must be 1..500, was 0");
    assertThatThrownBy(() -> Options.builder().recursionLimit(501)).hasMessage("recursionLimit must be 1..500, was 501");
  }

  @Test
  void options_areValuesAndToBuilderKeepsEveryOption() {
    Options custom = Options.builder().fieldNames(FieldNames.PROTO_NAME).strictFieldNames(true)
        .int64(Int64Format.NUMBER).writeDefaults(true).enums(EnumFormat.NUMBER).unknownKeys(UnknownKeys.IGNORE)
        .recursionLimit(7).build();

    assertThat(custom.toBuilder().build()).isEqualTo(custom).hasSameHashCodeAs(custom);
    assertThat(custom).isNotEqualTo(Options.defaults());
    assertThat(Options.builder().build()).isEqualTo(Options.defaults());
    assertThat(ProtoJson.create(custom).options()).isSameAs(custom);
    assertThat(custom).hasToString("[fieldNames=PROTO_NAME (strict), int64=NUMBER, writeDefaults=true, "
        + "enums=NUMBER, unknownKeys=IGNORE, recursionLimit=7]");
  }

  static String write(Options options, Arena arena) {
    return new String(ProtoJson.create(options).write(arena), UTF_8);
  }

  static Arena read(Options options, String json) throws DecodeException {
    Arena.Builder arena = Arena.newBuilder();
    ProtoJson.create(options).read(json.getBytes(UTF_8), arena);
    return arena.build();
  }
}
