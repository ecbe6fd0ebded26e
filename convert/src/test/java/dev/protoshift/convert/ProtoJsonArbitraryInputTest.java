package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import dev.protoshift.convert.testschema.json.Arena;
import dev.protoshift.convert.testschema.json.Card;
import dev.protoshift.convert.testschema.json.Everything;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whatever the bytes, reading either succeeds or throws a DecodeException with a bounded message
 * and an untouched builder: never another exception, never a hang on a short frame.
 */
class ProtoJsonArbitraryInputTest {

  private static final List<ProtoJson> CODECS = List.of(ProtoJson.create(),
      ProtoJson.create(ProtoJson.Options.builder().unknownKeys(ProtoJson.UnknownKeys.IGNORE).build()),
      ProtoJson.create(ProtoJson.Options.builder().strictFieldNames(true).recursionLimit(5).build()));
  private static final List<Supplier<Message.Builder>> ROOTS = List.of(Everything::newBuilder, Arena::newBuilder,
      Card::newBuilder, Value::newBuilder, Struct::newBuilder, Timestamp::newBuilder);

  /** Pieces of JSON and of this schema's keys, so random sequences reach deep into the reader. */
  private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "null", "true", "false", "0", "-1",
      "1.5", "1e999999999", "-1e-999999999", "18446744073709551616", "1" + "0".repeat(400), "\"NaN\"", "\"-Infinity\"",
      "\"1e5\"", "\"\\ud800\"", "\"x\"", "\"\"", "\"RED\"", "\"99\"", "\"2024-01-01T00:00:00Z\"", "\"-1.5s\"", "\"a,bC\"",
      "\"scalars\"", "\"int32Value\"", "\"uint64_value\"", "\"floatValue\"", "\"bytesValue\"", "\"colour\"",
      "\"repeats\"", "\"inners\"", "\"maps\"", "\"int32Keys\"", "\"bool_keys\"", "\"innerValues\"", "\"wellKnown\"",
      "\"timestamp\"", "\"duration\"", "\"fieldMask\"", "\"struct\"", "\"value\"", "\"listValue\"", "\"nullValue\"",
      "\"int64Wrapper\"", "\"values\"", "\"choiceText\"", "\"choiceInner\"", "\"next\"", "\"snakes\"", "\"body\"",
      "\"x\"", "\"suit\"", "\"extra\"", "\"seconds\"", "\"\\u0000\"");

  @Test
  void read_arbitraryBytes_throwsOnlyDecodeException() {
    qt().withExamples(3000).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 64), roots(), codecs())
        .checkAssert((bytes, root, codec) -> {
          byte[] frame = new byte[bytes.size()];
          for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (int) bytes.get(i);
          }
          assertReadsOrRefuses(frame, root, codec);
        });
  }

  @Test
  void read_arbitraryText_throwsOnlyDecodeException() {
    qt().withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 64), roots(), codecs())
        .checkAssert((text, root, codec) -> assertReadsOrRefuses(text.getBytes(UTF_8), root, codec));
  }

  @Test
  void read_jsonishTokenSequences_throwsOnlyDecodeException() {
    Gen<String> soup = lists().of(Generate.pick(TOKENS)).ofSizeBetween(0, 40).map(tokens -> String.join("", tokens));
    qt().withExamples(20000).forAll(soup, roots(), codecs())
        .checkAssert((text, root, codec) -> assertReadsOrRefuses(("{" + text).getBytes(UTF_8), root, codec));
  }

  @Test
  void read_mutatedValidFrames_throwsOnlyDecodeException() {
    Gen<List<Integer>> edits = lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 6);
    qt().withExamples(3000).forAll(ProtoJsonGen.everything(), edits, codecs()).checkAssert((message, edit, codec) -> {
      byte[] frame = CODECS.get(0).write(message);
      for (int e : edit) {
        frame = mutate(frame, e);
      }
      assertReadsOrRefuses(frame, 0, codec);
    });
  }

  @Test
  void read_deepNesting_isRefusedWithoutStackOverflow() {
    qt().withExamples(60).forAll(integers().between(90, 5000), integers().between(0, 3), roots(), codecs())
        .checkAssert((depth, shape, root, codec) -> {
          String open = List.of("{\"next\":", "[", "{\"wellKnown\":{\"value\":[", "{\"a\":").get(shape);
          assertReadsOrRefuses((open.repeat(depth) + "1").getBytes(UTF_8), root, codec);
        });
  }

  private static Gen<Integer> roots() {
    return integers().between(0, ROOTS.size() - 1);
  }

  private static Gen<Integer> codecs() {
    return integers().between(0, CODECS.size() - 1);
  }

  /** Replaces, inserts or deletes one byte, chosen by {@code e}. */
  private static byte[] mutate(byte[] frame, int e) {
    if (frame.length == 0) {
      return new byte[] {(byte) e};
    }
    int at = (e >>> 10) % frame.length;
    byte value = (byte) (e & 0xFF);
    return switch ((e >>> 8) & 3) {
      case 0 -> {
        byte[] shorter = new byte[frame.length - 1];
        System.arraycopy(frame, 0, shorter, 0, at);
        System.arraycopy(frame, at + 1, shorter, at, frame.length - at - 1);
        yield shorter;
      }
      case 1 -> {
        byte[] longer = new byte[frame.length + 1];
        System.arraycopy(frame, 0, longer, 0, at);
        longer[at] = value;
        System.arraycopy(frame, at, longer, at + 1, frame.length - at);
        yield longer;
      }
      default -> {
        byte[] copy = frame.clone();
        copy[at] = value;
        yield copy;
      }
    };
  }

  private static void assertReadsOrRefuses(byte[] frame, int root, int codec) {
    Message.Builder builder = ROOTS.get(root).get();
    try {
      CODECS.get(codec).read(frame, builder);
    } catch (DecodeException e) {
      assertThat(e.getMessage()).as("a bounded message").hasSizeLessThan(700);
      assertThat(builder.buildPartial()).as("a refused frame leaves the builder unchanged")
          .isEqualTo(builder.getDefaultInstanceForType());
    }
  }
}
