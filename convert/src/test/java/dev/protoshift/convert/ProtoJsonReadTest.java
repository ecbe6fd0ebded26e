package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.protoshift.convert.testschema.json.Arena;
import dev.protoshift.convert.testschema.json.Card;
import dev.protoshift.convert.testschema.json.Direction;
import dev.protoshift.convert.testschema.json.Everything;
import dev.protoshift.convert.testschema.json.Inner;
import dev.protoshift.convert.testschema.json.Maps;
import dev.protoshift.convert.testschema.json.Point;
import dev.protoshift.convert.testschema.json.Scalars;
import dev.protoshift.convert.testschema.json.Snake;
import dev.protoshift.convert.testschema.json.Suit;
import org.junit.jupiter.api.Test;

/** What reading accepts beyond what writing produces, how it merges, and schemas other than proto3. */
class ProtoJsonReadTest {

  private static final ProtoJson JSON = ProtoJson.create();

  @Test
  void read_numbersAsStringsDecimalsAndExponents_areAcceptedForIntegerFields() throws DecodeException {
    Arena read = read("{\"tick\":\"1e2\",\"serverTimeMs\":-5.0,\"worldRadius\":\"NaN\",\"snakes\":[{\"body\":"
        + "[{\"x\":\"1\",\"y\":-2}],\"speed\":\"1.5\",\"length\":\"3\",\"alive\":\"true\",\"boostUntilMs\":7}]}",
        Arena.newBuilder()).build();

    assertThat(read).isEqualTo(Arena.newBuilder().setTick(100).setServerTimeMs(-5).setWorldRadius(Double.NaN)
        .addSnakes(Snake.newBuilder().addBody(Point.newBuilder().setX(1).setY(-2)).setSpeed(1.5f).setLength(3)
            .setAlive(true).setBoostUntilMs(7)).build());
  }

  @Test
  void read_enumNumbersAndNumericStrings_areAccepted() throws DecodeException {
    Arena read = read("{\"snakes\":[{\"heading\":2},{\"heading\":\"3\"},{\"heading\":42}]}", Arena.newBuilder()).build();

    assertThat(read.getSnakesList()).extracting(Snake::getHeadingValue).containsExactly(2, 3, 42);
    assertThat(read.getSnakes(0).getHeading()).isEqualTo(Direction.DOWN);
  }

  @Test
  void read_bytes_acceptsStandardAndUrlSafeBase64WithOrWithoutPadding() throws DecodeException {
    ByteString expected = ByteString.copyFrom(new byte[] {(byte) 0xfb, (byte) 0xff});

    for (String base64 : new String[] {"+/8=", "-_8=", "+/8", "-_8"}) {
      assertThat(read("{\"bytesValue\":\"" + base64 + "\"}", Scalars.newBuilder()).build().getBytesValue()).isEqualTo(expected);
    }
  }

  @Test
  void read_floatSpecialValues_areStrings() throws DecodeException {
    Scalars read = read("{\"floatValue\":\"-Infinity\",\"doubleValue\":\"Infinity\"}", Scalars.newBuilder()).build();

    assertThat(read.getFloatValue()).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(read.getDoubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void read_null_isTheSameAsAnAbsentKey() throws DecodeException {
    assertThat(read("{\"you\":null,\"snakes\":null,\"scores\":null,\"tick\":null}", Arena.newBuilder()).build())
        .isEqualTo(Arena.getDefaultInstance());
    assertThat(read("{\"choiceText\":null,\"choiceNumber\":\"3\"}", Everything.newBuilder()).build().getChoiceNumber())
        .as("a null oneof member is not a member given").isEqualTo(3);
  }

  @Test
  void read_intoAFilledBuilder_replacesScalarsMergesMessagesAndAppendsRepeatedFields() throws DecodeException {
    Everything.Builder builder = Everything.newBuilder().setRenamed("old")
        .setInner(Inner.newBuilder().setX(1).setLabel("kept"));
    builder.getRepeatsBuilder().addInt32Values(1);

    JSON.read("{\"customName\":\"new\",\"inner\":{\"x\":2},\"repeats\":{\"int32Values\":[2]}}".getBytes(UTF_8), builder);

    assertThat(builder.getRenamed()).isEqualTo("new");
    assertThat(builder.getInner()).isEqualTo(Inner.newBuilder().setX(2).setLabel("kept").build());
    assertThat(builder.getRepeats().getInt32ValuesList()).containsExactly(1, 2);
  }

  @Test
  void read_refused_leavesTheBuilderUnchanged() {
    Everything.Builder builder = Everything.newBuilder().setRenamed("old").setInner(Inner.newBuilder().setX(1));
    Everything before = builder.build();

    assertThatThrownBy(() -> JSON.read("{\"customName\":\"new\",\"inner\":{\"x\":\"bad\"}}".getBytes(UTF_8), builder))
        .hasMessage("inner.x: expected an int32, was \"bad\"");
    assertThat(builder.build()).isEqualTo(before);
  }

  @Test
  void mapKeys_ofEveryType_areStrings() throws DecodeException {
    Maps maps = Maps.newBuilder().putInt32Keys(-1, "a").putUint32Keys(-1, "u").putUint64Keys(-1L, "m")
        .putBoolKeys(true, "t").putSint64Keys(Long.MIN_VALUE, "s").build();
    String json = "{\"int32Keys\":{\"-1\":\"a\"},\"uint32Keys\":{\"4294967295\":\"u\"},"
        + "\"uint64Keys\":{\"18446744073709551615\":\"m\"},\"sint64Keys\":{\"-9223372036854775808\":\"s\"},"
        + "\"boolKeys\":{\"true\":\"t\"}}";

    assertThat(new String(JSON.write(maps), UTF_8)).isEqualTo(json);
    assertThat(read(json, Maps.newBuilder()).build()).isEqualTo(maps);
  }

  @Test
  void proto2_explicitPresenceCustomDefaultsAndGroups() throws DecodeException {
    Card card = Card.newBuilder().setRank(1).setExtra(Card.Extra.newBuilder().setBonus(2)).build();
    ProtoJson writingDefaults = ProtoJson.create(ProtoJson.Options.builder().writeDefaults(true).build());

    assertThat(new String(JSON.write(card), UTF_8)).isEqualTo("{\"rank\":1,\"extra\":{\"bonus\":2}}");
    assertThat(new String(writingDefaults.write(Card.getDefaultInstance()), UTF_8))
        .as("unset proto2 fields have presence: not written").isEqualTo("{\"history\":[]}");
    assertThat(read("{\"rank\":1,\"extra\":{\"bonus\":2}}", Card.newBuilder()).build()).isEqualTo(card);
  }

  @Test
  void proto2_closedEnumRefusesUnknownNumbersOrSkipsThemWhenIgnoring() throws DecodeException {
    assertThatThrownBy(() -> read("{\"suit\":9}", Card.newBuilder()).build())
        .hasMessage("suit: expected a convert.test.json.Suit name or number, was 9");
    ProtoJson ignoring = ProtoJson.create(ProtoJson.Options.builder().unknownKeys(ProtoJson.UnknownKeys.IGNORE).build());
    Card.Builder card = Card.newBuilder();

    ignoring.read("{\"history\":[\"HEARTS\",9,\"JOKER\",1]}".getBytes(UTF_8), card);

    assertThat(card.getHistoryList()).containsExactly(Suit.HEARTS, Suit.CLUBS);
  }

  @Test
  void dynamicMessages_readAndWriteLikeGeneratedOnes() throws DecodeException {
    Arena arena = ProtoJsonOptionsTest.ARENA;
    byte[] json = JSON.write(arena);
    DynamicMessage.Builder dynamic = DynamicMessage.newBuilder(Arena.getDescriptor());

    JSON.read(json, dynamic);

    assertThat(dynamic.build().toByteString()).isEqualTo(arena.toByteString());
    assertThat(JSON.write(dynamic.build())).isEqualTo(json);
  }

  @Test
  void write_emojiAsUtf8AndAnUnpairedSurrogateAsAnEscape_readsItBackAsTheBinaryFormWould() throws Exception {
    Arena arena = Arena.newBuilder().setYou("\uD83D\uDE00 a\uD800").build();
    byte[] json = JSON.write(arena);

    assertThat(json).isEqualTo("{\"you\":\"\uD83D\uDE00 a\\uD800\"}".getBytes(UTF_8));
    assertThat(read(new String(json, UTF_8), Arena.newBuilder()).getYou())
        .as("an unpaired surrogate has no UTF-8 form: '?', as in the binary form")
        .isEqualTo("\uD83D\uDE00 a?").isEqualTo(Arena.parseFrom(arena.toByteString()).getYou());
  }

  private static <B extends Message.Builder> B read(String json, B builder) throws DecodeException {
    JSON.read(json.getBytes(UTF_8), builder);
    return builder;
  }
}
