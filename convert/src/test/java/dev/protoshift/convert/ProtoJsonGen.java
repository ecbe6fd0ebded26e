package dev.protoshift.convert;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import dev.protoshift.convert.testschema.json.Everything;
import dev.protoshift.convert.testschema.json.Inner;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Random messages of the rich test schema (everything.proto) for ProtoJson's properties: each
 * field set or not, every scalar over its whole range with the awkward values up front, open-enum
 * numbers no name has, maps with every key type, the oneof, and the well-known types.
 */
final class ProtoJsonGen {

  private static final Gen<Boolean> COIN = booleans().all();
  private static final Gen<Integer> INTS = integers().all()
      .mix(Generate.pick(List.of(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE)), 30);
  private static final Gen<Long> LONGS = longs().all()
      .mix(Generate.pick(List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1)), 30);
  private static final Gen<Float> FLOATS = integers().all().map(Float::intBitsToFloat)
      .mix(Generate.pick(List.of(0f, -0f, 0.1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 16777217f, 1f / 3)), 30);
  private static final Gen<Double> DOUBLES = longs().all().map(Double::longBitsToDouble)
      .mix(Generate.pick(List.of(0d, -0d, 0.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 9007199254740993d, 1e-300)), 30);
  /** Valid Unicode: ASCII with control characters, quotes and backslashes, BMP text, emoji (no lone surrogates). */
  private static final Gen<String> TEXT = strings().ascii().ofLengthBetween(0, 8)
      .mix(strings().betweenCodePoints(0xA0, 0xD7FF).ofLengthBetween(0, 4), 30)
      .mix(strings().betweenCodePoints(0x1F600, 0x1F64F).ofLengthBetween(0, 2), 15);
  private static final Gen<Integer> SMALL = integers().between(0, 3);
  private static final Gen<Long> TIMESTAMP_SECONDS = longs().between(-62_135_596_800L, 253_402_300_799L);
  private static final Gen<Integer> NANOS = integers().between(0, 999_999_999)
      .mix(Generate.pick(List.of(0, 1_000_000, 1_000, 999_999_999)), 40);
  private static final Gen<Long> DURATION_SECONDS = longs().between(-315_576_000_000L, 315_576_000_000L);
  private static final Gen<String> WORDS = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 4);

  /**
   * Whether to stay inside what protobuf-java-util's JsonFormat itself round-trips: its parser
   * reads doubles through BigDecimal, which has no negative zero, so -0.0 in a double field comes
   * back as 0.0 (floats and Value numbers keep it).
   */
  private final boolean jsonFormatSafe;

  private ProtoJsonGen(boolean jsonFormatSafe) {
    this.jsonFormatSafe = jsonFormatSafe;
  }

  /** Messages that JsonFormat itself round-trips (see {@link #jsonFormatSafe}). */
  static Gen<Everything> conformance() {
    return new ProtoJsonGen(true)::everything;
  }

  /** Any message the schema allows that has a JSON form. */
  static Gen<Everything> everything() {
    return new ProtoJsonGen(false)::everything;
  }

  private Everything everything(RandomnessSource in) {
    return everything(in, 2);
  }

  private Everything everything(RandomnessSource in, int depth) {
    Everything.Builder m = Everything.newBuilder();
    if (maybe(in)) {
      ProtoJsonGenParts.scalars(in, m.getScalarsBuilder(), this);
    }
    if (maybe(in)) {
      ProtoJsonGenParts.repeats(in, m.getRepeatsBuilder(), this);
    }
    if (maybe(in)) {
      ProtoJsonGenParts.optionals(in, m.getOptionalsBuilder(), this);
    }
    if (maybe(in)) {
      ProtoJsonGenParts.maps(in, m.getMapsBuilder(), this);
    }
    if (maybe(in)) {
      ProtoJsonGenParts.wellKnown(in, m.getWellKnownBuilder(), this);
    }
    if (maybe(in)) {
      m.setInner(inner(in, 2));
    }
    switch (SMALL.generate(in) + SMALL.generate(in)) {
      case 1 -> m.setChoiceText(text(in));
      case 2 -> m.setChoiceNumber(int64(in));
      case 3 -> m.setChoiceInner(inner(in, 1));
      case 4 -> m.setChoiceColourValue(colour(in));
      case 5 -> m.setChoiceTime(timestamp(in));
      default -> { }
    }
    if (maybe(in)) {
      m.setRenamed(text(in));
    }
    if (depth > 0 && SMALL.generate(in) == 0) {
      m.setNext(everything(in, depth - 1));
    }
    return m.build();
  }

  boolean maybe(RandomnessSource in) {
    return COIN.generate(in);
  }

  int count(RandomnessSource in) {
    return SMALL.generate(in);
  }

  int int32(RandomnessSource in) {
    return INTS.generate(in);
  }

  long int64(RandomnessSource in) {
    return LONGS.generate(in);
  }

  float float32(RandomnessSource in) {
    return FLOATS.generate(in);
  }

  /** Any double; never -0.0 when {@link #jsonFormatSafe}. */
  double float64(RandomnessSource in) {
    double d = DOUBLES.generate(in);
    return jsonFormatSafe && Double.doubleToRawLongBits(d) == Long.MIN_VALUE ? 0d : d;
  }

  /** A finite double, as a google.protobuf.Value may hold. */
  double finite(RandomnessSource in) {
    double d = DOUBLES.generate(in);
    return Double.isFinite(d) ? d : 0.5;
  }

  String text(RandomnessSource in) {
    return TEXT.generate(in);
  }

  ByteString bytes(RandomnessSource in) {
    byte[] bytes = new byte[SMALL.generate(in) * 3 + SMALL.generate(in)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (int) INTS.generate(in);
    }
    return ByteString.copyFrom(bytes);
  }

  /** A Colour's number, or (one time in five) a number no value has: proto3 enums are open. */
  int colour(RandomnessSource in) {
    int n = integers().between(0, 4).generate(in);
    return n == 4 ? 99 : n;
  }

  Inner inner(RandomnessSource in, int depth) {
    Inner.Builder inner = Inner.newBuilder();
    if (maybe(in)) {
      inner.setX(int32(in));
    }
    if (maybe(in)) {
      inner.setLabel(text(in));
    }
    if (depth > 0 && maybe(in)) {
      inner.setChild(inner(in, depth - 1));
    }
    return inner.build();
  }

  Timestamp timestamp(RandomnessSource in) {
    return Timestamp.newBuilder().setSeconds(TIMESTAMP_SECONDS.generate(in)).setNanos(NANOS.generate(in)).build();
  }

  Duration duration(RandomnessSource in) {
    long seconds = DURATION_SECONDS.generate(in);
    int nanos = NANOS.generate(in);
    return Duration.newBuilder().setSeconds(seconds).setNanos(seconds < 0 || (seconds == 0 && maybe(in)) ? -nanos : nanos)
        .build();
  }

  /** Paths of snake_case names ("a_b.cd"), the ones with a lowerCamelCase form. */
  FieldMask fieldMask(RandomnessSource in) {
    FieldMask.Builder mask = FieldMask.newBuilder();
    for (int i = count(in); i > 0; i--) {
      StringBuilder path = new StringBuilder(WORDS.generate(in));
      for (int j = count(in); j > 0; j--) {
        path.append(maybe(in) ? '_' : '.').append(WORDS.generate(in));
      }
      mask.addPaths(path.toString());
    }
    return mask.build();
  }

  /** Any JSON value but the empty Value (no kind), which JSON writes as null and reads back as null_value. */
  Value value(RandomnessSource in, int depth) {
    int kind = integers().between(1, depth > 0 ? 6 : 4).generate(in);
    return switch (kind) {
      case 1 -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
      case 2 -> Value.newBuilder().setNumberValue(finite(in)).build();
      case 3 -> Value.newBuilder().setStringValue(text(in)).build();
      case 4 -> Value.newBuilder().setBoolValue(maybe(in)).build();
      case 5 -> Value.newBuilder().setStructValue(struct(in, depth - 1)).build();
      default -> Value.newBuilder().setListValue(list(in, depth - 1)).build();
    };
  }

  Struct struct(RandomnessSource in, int depth) {
    Struct.Builder struct = Struct.newBuilder();
    for (int i = count(in); i > 0; i--) {
      struct.putFields(text(in), value(in, depth));
    }
    return struct.build();
  }

  ListValue list(RandomnessSource in, int depth) {
    ListValue.Builder list = ListValue.newBuilder();
    for (int i = count(in); i > 0; i--) {
      list.addValues(value(in, depth));
    }
    return list.build();
  }
}
