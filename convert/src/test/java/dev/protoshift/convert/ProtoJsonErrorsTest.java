package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.protoshift.convert.DecodeException.Reason;
import dev.protoshift.convert.testschema.json.Arena;
import dev.protoshift.convert.testschema.json.Everything;
import dev.protoshift.convert.testschema.json.WithAny;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad JSON: each error names the key path, what was expected and the value that was given. */
class ProtoJsonErrorsTest {

  private static final ProtoJson JSON = ProtoJson.create();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"snakes":[{},{"body":[{"x":"up"}]}]}           | snakes[1].body[0].x: expected an int32, was "up"
      {"snakes":[{"body":[{"x":3000000000}]}]}        | snakes[0].body[0].x: expected an int32, was 3000000000 (out of range)
      {"snakes":[{"body":[{"y":1.5}]}]}               | snakes[0].body[0].y: expected an int32, was 1.5 (not an integer)
      {"snakes":[{"body":[{"y":"3e9"}]}]}             | snakes[0].body[0].y: expected an int32, was "3e9" (out of range)
      {"snakes":[{"body":[{"y":" 1"}]}]}              | snakes[0].body[0].y: expected an int32, was " 1"
      {"snakes":[{"length":-1}]}                      | snakes[0].length: expected a uint32, was -1 (out of range)
      {"tick":"18446744073709551616"}                 | tick: expected a uint64, was "18446744073709551616" (out of range)
      {"tick":1e999999999}                            | tick: expected a uint64, was 1e999999999 (out of range)
      {"serverTimeMs":1e-999999999}                   | serverTimeMs: expected an int64, was 1e-999999999 (not an integer)
      {"serverTimeMs":true}                           | serverTimeMs: expected an int64, was true
      {"snakes":[{"speed":1e39}]}                     | snakes[0].speed: expected a float, was 1e39 (out of range)
      {"snakes":[{"speed":"fast"}]}                   | snakes[0].speed: expected a float, was "fast"
      {"worldRadius":"-inf"}                          | worldRadius: expected a double, was "-inf"
      {"worldRadius":2e308}                           | worldRadius: expected a double, was 2e308 (out of range)
      {"snakes":[{"alive":"yes"}]}                    | snakes[0].alive: expected a bool, was "yes"
      {"snakes":[{"name":12}]}                        | snakes[0].name: expected a string, was 12
      {"snakes":[{"heading":"SIDEWAYS"}]}             | snakes[0].heading: expected a convert.test.json.Direction name or number, was "SIDEWAYS"
      {"snakes":[{"heading":{}}]}                     | snakes[0].heading: expected a convert.test.json.Direction name or number, was an object
      {"snakes":{"id":"s1"}}                          | snakes: expected an array, was an object
      {"snakes":[null]}                               | snakes[0]: expected an object (convert.test.json.Snake), was null
      {"snakes":[{"body":[1]}]}                       | snakes[0].body[0]: expected an object (convert.test.json.Point), was 1
      {"scores":["Ada"]}                              | scores: expected an object (a map), was an array
      {"scores":{"Ada":null}}                         | scores["Ada"]: expected an int32, was null
      {"scores":{"Ada":1,"Ada":2}}                    | scores["Ada"]: duplicate map key (Ada is already given)
      {"snakes":[{"colour":"red"}]}                   | snakes[0].colour: unknown key for convert.test.json.Snake
      {"snakes":[{"the colour":"red"}]}               | snakes[0]["the colour"]: unknown key for convert.test.json.Snake
      {"tick":"1","tick":"2"}                         | tick: duplicate key: field tick (JSON name tick) is already given
      {"serverTimeMs":"1","server_time_ms":"2"}       | server_time_ms: duplicate key: field server_time_ms (JSON name serverTimeMs) is already given
      """)
  void read_badValue_namesThePathTheExpectedTypeAndTheValue(String json, String message) {
    assertThatThrownBy(() -> JSON.read(json.getBytes(UTF_8), Arena.newBuilder()))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD))
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"choiceText":"a","choiceNumber":"1"}                   | choiceNumber: "choiceText" and "choiceNumber" are both members of oneof choice; give at most one
      {"maps":{"int32Keys":{"x":"a"}}}                        | maps.int32Keys["x"]: expected an int32, was "x"
      {"maps":{"int32Keys":{"1":"a","1.0":"b"}}}              | maps.int32Keys["1.0"]: duplicate map key (1 is already given)
      {"maps":{"boolKeys":{"yes":"a"}}}                       | maps.boolKeys["yes"]: expected a bool map key ("true" or "false"), was "yes"
      {"maps":{"uint64Keys":{"-1":"a"}}}                      | maps.uint64Keys["-1"]: expected a uint64, was "-1" (out of range)
      {"repeats":{"bytesValues":["YQ==","%%%"]}}              | repeats.bytesValues[1]: expected base64 bytes, was "%%%"
      {"repeats":{"colours":["RED",null]}}                    | repeats.colours[1]: expected a convert.test.json.Colour name or number, was null
      {"wellKnown":{"timestamp":"2024-13-01T00:00:00Z"}}      | wellKnown.timestamp: expected an RFC 3339 timestamp string, was "2024-13-01T00:00:00Z" (not a valid date and time (Invalid value for MonthOfYear (valid values 1 - 12): 13))
      {"wellKnown":{"timestamp":"2024-01-01 00:00:00Z"}}      | `wellKnown.timestamp: expected an RFC 3339 timestamp string, was "2024-01-01 00:00:00Z" (not an RFC 3339 timestamp (YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM)))`
      {"wellKnown":{"timestamps":[12]}}                       | wellKnown.timestamps[0]: expected an RFC 3339 timestamp string, was 12
      {"wellKnown":{"duration":"1.5"}}                        | wellKnown.duration: expected a duration string (e.g. "1.5s"), was "1.5" (not a duration (e.g. "1.5s"))
      {"wellKnown":{"duration":"315576000001s"}}              | wellKnown.duration: expected a duration string (e.g. "1.5s"), was "315576000001s" (outside ±315576000000s)
      {"wellKnown":{"struct":{"a":1,"a":2}}}                  | wellKnown.struct["a"]: duplicate key
      {"wellKnown":{"struct":[]}}                             | wellKnown.struct: expected an object (google.protobuf.Struct), was an array
      {"wellKnown":{"value":{"a":[1,2e400]}}}                 | wellKnown.value["a"][1]: expected a number in the range of a double, was 2e400
      {"wellKnown":{"int32Wrapper":"x"}}                      | wellKnown.int32Wrapper: expected an int32, was "x"
      {"wellKnown":{"int32Wrappers":[1,null]}}                | wellKnown.int32Wrappers[1]: expected an int32, was null
      """)
  void read_badValueOfARichSchema_namesThePath(String json, String message) {
    assertThatThrownBy(() -> JSON.read(json.getBytes(UTF_8), Everything.newBuilder()))
        .isInstanceOf(DecodeException.class).hasMessage(message);
  }

  @Test
  void read_any_isRefusedWithoutATypeRegistry() {
    assertThatThrownBy(() -> read("{\"payload\":{\"@type\":\"type.googleapis.com/x.Y\"}}", WithAny.newBuilder()))
        .hasMessage("payload: google.protobuf.Any is not supported: ProtoJson has no type registry");
  }

  @Test
  void read_tooDeep_namesTheLimitAndKeepsTheEndOfTheLongPath() {
    String deep = "{\"next\":".repeat(101) + "{}" + "}".repeat(101);

    assertThatThrownBy(() -> read(deep, Everything.newBuilder()))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("...")
        .hasMessageEndingWith(".next.next.next: nested deeper than 100 levels")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    assertThatCode(() -> read("{\"next\":".repeat(100) + "{}" + "}".repeat(100), Everything.newBuilder()))
        .as("100 levels are allowed").doesNotThrowAnyException();
  }

  @Test
  void read_longUnknownKey_isQuotedAndShortened() {
    String key = "k".repeat(200);

    assertThatThrownBy(() -> read("{\"" + key + "\":1}", Arena.newBuilder()))
        .hasMessage("[\"" + "k".repeat(64) + "...\"]: unknown key for convert.test.json.Arena");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ``            | empty frame: expected a JSON object (convert.test.json.Arena)
      `  `          | empty frame: expected a JSON object (convert.test.json.Arena)
      [1]           | expected a JSON object (convert.test.json.Arena), was an array
      "tick"        | expected a JSON object (convert.test.json.Arena), was "tick"
      {} {}         | trailing content after the JSON value: an object at line 1, column 4
      {"tick":      | not JSON: Unexpected end-of-input within/between Object entries, at line 1, column 9
      {tick:1}      | not JSON: Unexpected character ('t' (code 116)): was expecting double-quote to start field name, at line 1, column 2
      """)
  void read_notOneJsonObject_isMalformed(String json, String message) {
    assertThatThrownBy(() -> read(json, Arena.newBuilder()))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage(message);
  }

  @Test
  void read_invalidUtf8_isMalformed() {
    byte[] bytes = {'{', '"', 'y', 'o', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    assertThatThrownBy(() -> JSON.read(bytes, Arena.newBuilder()))
        .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.code()).isEqualTo("bad_frame"))
        .hasMessageStartingWith("not JSON: Invalid UTF-8 middle byte 0x28");
  }

  private static void read(String json, Message.Builder builder) throws DecodeException {
    JSON.read(json.getBytes(UTF_8), builder);
  }
}
