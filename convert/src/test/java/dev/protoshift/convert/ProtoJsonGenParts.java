package dev.protoshift.convert;

import com.google.protobuf.BoolValue;
import com.google.protobuf.BytesValue;
import com.google.protobuf.DoubleValue;
import com.google.protobuf.Empty;
import com.google.protobuf.FloatValue;
import com.google.protobuf.Int32Value;
import com.google.protobuf.Int64Value;
import com.google.protobuf.NullValue;
import com.google.protobuf.StringValue;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.UInt64Value;
import dev.protoshift.convert.testschema.json.Maps;
import dev.protoshift.convert.testschema.json.Optionals;
import dev.protoshift.convert.testschema.json.Repeats;
import dev.protoshift.convert.testschema.json.Scalars;
import dev.protoshift.convert.testschema.json.WellKnown;
import org.quicktheories.core.RandomnessSource;

/** The groups of {@link ProtoJsonGen}'s message, one method per message of everything.proto. */
final class ProtoJsonGenParts {

  private ProtoJsonGenParts() {}

  static void scalars(RandomnessSource in, Scalars.Builder s, ProtoJsonGen g) {
    if (g.maybe(in)) {
      s.setInt32Value(g.int32(in)).setSint32Value(g.int32(in)).setSfixed32Value(g.int32(in));
    }
    if (g.maybe(in)) {
      s.setUint32Value(g.int32(in)).setFixed32Value(g.int32(in));
    }
    if (g.maybe(in)) {
      s.setInt64Value(g.int64(in)).setSint64Value(g.int64(in)).setSfixed64Value(g.int64(in));
    }
    if (g.maybe(in)) {
      s.setUint64Value(g.int64(in)).setFixed64Value(g.int64(in));
    }
    if (g.maybe(in)) {
      s.setFloatValue(g.float32(in)).setDoubleValue(g.float64(in));
    }
    if (g.maybe(in)) {
      s.setBoolValue(g.maybe(in)).setStringValue(g.text(in)).setBytesValue(g.bytes(in)).setColourValue(g.colour(in));
    }
  }

  static void repeats(RandomnessSource in, Repeats.Builder r, ProtoJsonGen g) {
    for (int i = g.count(in); i > 0; i--) {
      r.addInt32Values(g.int32(in)).addSint32Values(g.int32(in)).addSfixed32Values(g.int32(in));
      r.addUint32Values(g.int32(in)).addFixed32Values(g.int32(in));
    }
    for (int i = g.count(in); i > 0; i--) {
      r.addInt64Values(g.int64(in)).addSint64Values(g.int64(in)).addSfixed64Values(g.int64(in));
      r.addUint64Values(g.int64(in)).addFixed64Values(g.int64(in));
    }
    for (int i = g.count(in); i > 0; i--) {
      r.addFloatValues(g.float32(in)).addDoubleValues(g.float64(in)).addBoolValues(g.maybe(in));
    }
    for (int i = g.count(in); i > 0; i--) {
      r.addStringValues(g.text(in)).addBytesValues(g.bytes(in)).addColoursValue(g.colour(in));
    }
    for (int i = g.count(in); i > 0; i--) {
      r.addInners(g.inner(in, 1));
    }
  }

  static void optionals(RandomnessSource in, Optionals.Builder o, ProtoJsonGen g) {
    // Set fields are written whatever their value, so defaults are as likely as any other value.
    if (g.maybe(in)) {
      o.setInt32Value(g.maybe(in) ? 0 : g.int32(in));
    }
    if (g.maybe(in)) {
      o.setInt64Value(g.maybe(in) ? 0 : g.int64(in));
    }
    if (g.maybe(in)) {
      o.setUint64Value(g.int64(in));
    }
    if (g.maybe(in)) {
      o.setFloatValue(g.maybe(in) ? 0 : g.float32(in));
    }
    if (g.maybe(in)) {
      o.setDoubleValue(g.float64(in));
    }
    if (g.maybe(in)) {
      o.setBoolValue(g.maybe(in));
    }
    if (g.maybe(in)) {
      o.setStringValue(g.maybe(in) ? "" : g.text(in));
    }
    if (g.maybe(in)) {
      o.setBytesValue(g.bytes(in));
    }
    if (g.maybe(in)) {
      o.setColourValue(g.maybe(in) ? 0 : g.colour(in));
    }
  }

  static void maps(RandomnessSource in, Maps.Builder m, ProtoJsonGen g) {
    for (int i = g.count(in); i > 0; i--) {
      m.putInt32Keys(g.int32(in), g.text(in)).putSint32Keys(g.int32(in), g.text(in))
          .putSfixed32Keys(g.int32(in), g.text(in)).putUint32Keys(g.int32(in), g.text(in))
          .putFixed32Keys(g.int32(in), g.text(in));
    }
    for (int i = g.count(in); i > 0; i--) {
      m.putInt64Keys(g.int64(in), g.text(in)).putSint64Keys(g.int64(in), g.text(in))
          .putSfixed64Keys(g.int64(in), g.text(in)).putUint64Keys(g.int64(in), g.text(in))
          .putFixed64Keys(g.int64(in), g.text(in));
    }
    for (int i = g.count(in); i > 0; i--) {
      m.putBoolKeys(g.maybe(in), g.text(in)).putStringKeys(g.text(in), g.text(in));
    }
    for (int i = g.count(in); i > 0; i--) {
      m.putInnerValues(g.text(in), g.inner(in, 1)).putColourValuesValue(g.text(in), g.colour(in))
          .putBytesValues(g.text(in), g.bytes(in)).putDoubleValues(g.text(in), g.float64(in))
          .putInt64Values(g.text(in), g.int64(in));
    }
  }

  static void wellKnown(RandomnessSource in, WellKnown.Builder w, ProtoJsonGen g) {
    if (g.maybe(in)) {
      w.setTimestamp(g.timestamp(in)).setDuration(g.duration(in)).setFieldMask(g.fieldMask(in));
    }
    if (g.maybe(in)) {
      w.setStruct(g.struct(in, 2)).setValue(g.value(in, 2)).setListValue(g.list(in, 2));
    }
    if (g.maybe(in)) {
      w.setNullValue(NullValue.NULL_VALUE).setEmpty(Empty.getDefaultInstance());
    }
    if (g.maybe(in)) {
      w.setDoubleWrapper(DoubleValue.of(g.float64(in))).setFloatWrapper(FloatValue.of(g.float32(in)))
          .setInt64Wrapper(Int64Value.of(g.int64(in))).setUint64Wrapper(UInt64Value.of(g.int64(in)))
          .setInt32Wrapper(Int32Value.of(g.int32(in))).setUint32Wrapper(UInt32Value.of(g.int32(in)));
    }
    if (g.maybe(in)) {
      w.setBoolWrapper(BoolValue.of(g.maybe(in))).setStringWrapper(StringValue.of(g.text(in)))
          .setBytesWrapper(BytesValue.of(g.bytes(in)));
    }
    for (int i = g.count(in); i > 0; i--) {
      w.addTimestamps(g.timestamp(in)).addValues(g.value(in, 1)).putValueMap(g.text(in), g.value(in, 1))
          .addInt32Wrappers(Int32Value.of(g.int32(in)));
    }
  }
}
