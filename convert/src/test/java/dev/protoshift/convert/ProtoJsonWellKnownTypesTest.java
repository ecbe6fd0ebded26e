package dev.protoshift.convert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.BytesValue;
import com.google.protobuf.Duration;
import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Int64Value;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import dev.protoshift.convert.testschema.json.WellKnown;
import dev.protoshift.convert.testschema.json.WithAny;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The well-known types in their canonical JSON forms. */
class ProtoJsonWellKnownTypesTest {

  private static final ProtoJson JSON = ProtoJson.create();

  @ParameterizedTest(name = "{0}s {1}ns is {2}")
  @CsvSource({
      "0, 0, 1970-01-01T00:00:00Z",
      "63108020, 21000000, 1972-01-01T10:00:20.021Z",
      "63108020, 21000, 1972-01-01T10:00:20.000021Z",
      "63108020, 21, 1972-01-01T10:00:20.000000021Z",
      "-62135596800, 0, 0001-01-01T00:00:00Z",
      "253402300799, 999999999, 9999-12-31T23:59:59.999999999Z"})
  void timestamp_isUtcWith0369FractionalDigits(long seconds, int nanos, String text) throws DecodeException {
    Timestamp time = Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();

    assertThat(write(time)).isEqualTo("\"" + text + "\"");
    assertThat(read("\"" + text + "\"", Timestamp.newBuilder()).build()).isEqualTo(time);
  }

  @Test
  void timestamp_readsOffsetsAndShortFractions() throws DecodeException {
    assertThat(read("\"1972-01-01T12:00:20.5+02:00\"", Timestamp.newBuilder()).build())
        .isEqualTo(Timestamp.newBuilder().setSeconds(63108020).setNanos(500_000_000).build());
    assertThat(read("\"1972-01-01T09:30:20-00:30\"", Timestamp.newBuilder()).build().getSeconds()).isEqualTo(63108020);
  }

  @Test
  void timestamp_outOfRange_hasNoJsonForm() {
    assertThatThrownBy(() -> write(WellKnown.newBuilder().setTimestamp(Timestamp.newBuilder().setSeconds(-62135596801L))
        .build())).isInstanceOf(IllegalArgumentException.class).hasMessage("convert.test.json.WellKnown.timestamp: "
        + "Timestamp {seconds: -62135596801, nanos: 0} is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> read("\"0000-12-31T23:59:59Z\"", Timestamp.newBuilder()).build()).hasMessage("(root): expected an "
        + "RFC 3339 timestamp string, was \"0000-12-31T23:59:59Z\" (outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z)");
  }

  @ParameterizedTest(name = "{0}s {1}ns is {2}")
  @CsvSource({"0, 0, 0s", "1, 340012, 1.000340012s", "-1, -500000000, -1.500s", "0, -1000, -0.000001s",
      "315576000000, 0, 315576000000s", "-315576000000, -999999999, -315576000000.999999999s"})
  void duration_isSecondsWith0369FractionalDigits(long seconds, int nanos, String text) throws DecodeException {
    Duration duration = Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();

    assertThat(write(duration)).isEqualTo("\"" + text + "\"");
    assertThat(read("\"" + text + "\"", Duration.newBuilder()).build()).isEqualTo(duration);
  }

  @Test
  void duration_withMixedSigns_hasNoJsonForm() {
    assertThatThrownBy(() -> write(Duration.newBuilder().setSeconds(1).setNanos(-1).build()))
        .hasMessage("google.protobuf.Duration: Duration {seconds: 1, nanos: -1} is not valid "
            + "(|seconds| <= 315576000000, |nanos| < 10^9, same signs)");
  }

  @Test
  void fieldMask_isLowerCamelCasePathsJoinedByCommas() throws DecodeException {
    FieldMask mask = FieldMask.newBuilder().addPaths("snakes.body_points").addPaths("you").build();

    assertThat(write(mask)).isEqualTo("\"snakes.bodyPoints,you\"");
    assertThat(read("\"snakes.bodyPoints,you\"", FieldMask.newBuilder()).build()).isEqualTo(mask);
    assertThatThrownBy(() -> write(FieldMask.newBuilder().addPaths("body_1").build())).hasMessage(
        "google.protobuf.FieldMask: FieldMask path \"body_1\" has no lowerCamelCase form "
            + "(an underscore must be followed by a lowercase letter)");
  }

  @Test
  void structValueAndListValue_areTheirJson() throws DecodeException {
    Struct struct = Struct.newBuilder().putFields("n", Value.newBuilder().setNumberValue(1.5).build())
        .putFields("s", Value.newBuilder().setStringValue("x").build())
        .putFields("b", Value.newBuilder().setBoolValue(true).build())
        .putFields("z", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
        .putFields("l", Value.newBuilder().setListValue(ListValue.newBuilder()
            .addValues(Value.newBuilder().setStructValue(Struct.getDefaultInstance()))).build())
        .build();
    String json = "{\"n\":1.5,\"s\":\"x\",\"b\":true,\"z\":null,\"l\":[{}]}";

    assertThat(write(struct)).isEqualTo(json);
    assertThat(read(json, Struct.newBuilder()).build()).isEqualTo(struct);
    assertThat(read("null", Value.newBuilder()).build()).isEqualTo(Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build());
    assertThat(write(Value.getDefaultInstance())).as("a Value with no kind").isEqualTo("null");
    assertThatThrownBy(() -> write(Value.newBuilder().setNumberValue(Double.NaN).build()))
        .hasMessage("google.protobuf.Value: google.protobuf.Value cannot hold NaN in JSON "
            + "(protobuf's mapping has no non-finite numbers in a Value)");
  }

  @Test
  void valueAndNullValueFields_takeNullAsAValue() throws DecodeException {
    WellKnown read = read("{\"value\":null,\"nullValue\":null,\"struct\":null}", WellKnown.newBuilder()).build();

    assertThat(read.hasValue()).isTrue();
    assertThat(read.getValue().getKindCase()).isEqualTo(Value.KindCase.NULL_VALUE);
    assertThat(read.hasStruct()).as("null is absent for other messages").isFalse();
    assertThat(write(read)).isEqualTo("{\"value\":null}");
  }

  @Test
  void wrappers_areTheirValueAndNullIsAbsent() throws DecodeException {
    WellKnown wrappers = WellKnown.newBuilder().setInt64Wrapper(Int64Value.of(0)).setUint32Wrapper(UInt32Value.of(-1))
        .setStringWrapper(StringValue.of("")).setBytesWrapper(BytesValue.of(com.google.protobuf.ByteString.copyFromUtf8("hi")))
        .setEmpty(Empty.getDefaultInstance()).build();
    String json = "{\"empty\":{},\"int64Wrapper\":\"0\",\"uint32Wrapper\":4294967295,\"stringWrapper\":\"\","
        + "\"bytesWrapper\":\"aGk=\"}";

    assertThat(write(wrappers)).isEqualTo(json);
    assertThat(read(json, WellKnown.newBuilder()).build()).isEqualTo(wrappers);
    assertThat(read("{\"int64Wrapper\":null}", WellKnown.newBuilder()).build().hasInt64Wrapper()).isFalse();
  }

  @Test
  void any_isRefusedWhenSetAndWrittenWhenUnset() {
    WithAny withAny = WithAny.newBuilder().setId("a").setPayload(Any.pack(Empty.getDefaultInstance())).build();

    assertThatThrownBy(() -> write(withAny)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("convert.test.json.WithAny.payload: google.protobuf.Any has no JSON form in ProtoJson (it has no "
            + "type registry to resolve the type URL); use a oneof of the possible messages");
    assertThat(write(withAny.toBuilder().clearPayload().build())).isEqualTo("{\"id\":\"a\"}");
  }

  private static String write(com.google.protobuf.MessageOrBuilder message) {
    return new String(JSON.write(message), UTF_8);
  }

  private static <B extends com.google.protobuf.Message.Builder> B read(String json, B builder) throws DecodeException {
    JSON.read(json.getBytes(UTF_8), builder);
    return builder;
  }
}
