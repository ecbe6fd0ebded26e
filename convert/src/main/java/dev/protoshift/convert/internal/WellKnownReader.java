package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.WireFormat;
import dev.protoshift.convert.DecodeException;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the well-known types from their JSON forms into their binary fields (Timestamp and
 * Duration: seconds = 1, nanos = 2; FieldMask: paths = 1; Struct: fields = 1; Value: one of
 * null = 1, number = 2, string = 3, bool = 4, struct = 5, list = 6; ListValue: values = 1;
 * wrappers: value = 1). Any is refused: ProtoJson has no type registry.
 */
final class WellKnownReader {

  private final JsonMessageReader reader;

  WellKnownReader(JsonMessageReader reader) {
    this.reader = reader;
  }

  void read(JsonParser p, JsonToken t, MessagePlan plan, WireBuffer out, int depth) throws IOException, ReadFailure {
    switch (plan.wellKnown) {
      case TIMESTAMP -> secondsAndNanos(text(p, t, "an RFC 3339 timestamp string", WellKnownText::parseTimestamp), out);
      case DURATION -> secondsAndNanos(text(p, t, "a duration string (e.g. \"1.5s\")", WellKnownText::parseDuration), out);
      case FIELD_MASK -> {
        List<String> paths = text(p, t, "a field mask string", WellKnownText::parseFieldMask);
        for (String path : paths) {
          out.tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          out.string(path);
        }
      }
      case STRUCT -> struct(p, t, plan, out, depth);
      case VALUE -> value(p, t, plan, out, depth);
      case LIST_VALUE -> list(p, t, plan, out, depth);
      case WRAPPER -> reader.value(p, t, plan.byNumber(1).element, out, depth);
      case ANY -> throw new ReadFailure("google.protobuf.Any is not supported: ProtoJson has no type registry");
      case NONE -> throw new IllegalStateException("not a well-known type: " + plan.typeName());
    }
  }

  private static void secondsAndNanos(long[] time, WireBuffer out) {
    out.tag(1, WireFormat.WIRETYPE_VARINT);
    out.varint64(time[0]);
    out.tag(2, WireFormat.WIRETYPE_VARINT);
    out.int32((int) time[1]);
  }

  private void struct(JsonParser p, JsonToken t, MessagePlan plan, WireBuffer out, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_OBJECT) {
      throw ReadFailure.expected("an object (google.protobuf.Struct)", p, t);
    }
    FieldPlan fields = plan.byNumber(1);
    Set<String> keys = new HashSet<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      try {
        if (!keys.add(key)) {
          throw new ReadFailure("duplicate key");
        }
        int entry = out.beginMessage(1);
        JsonScalars.mapKey(key, fields.mapKey, out);
        reader.value(p, p.nextToken(), fields.element, out, depth);
        out.endMessage(entry);
      } catch (ReadFailure e) {
        throw e.underMapKey(key);
      }
    }
  }

  private void list(JsonParser p, JsonToken t, MessagePlan plan, WireBuffer out, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_ARRAY) {
      throw ReadFailure.expected("an array (google.protobuf.ListValue)", p, t);
    }
    ValuePlan values = plan.byNumber(1).element;
    int i = 0;
    for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken(), i++) {
      try {
        reader.value(p, element, values, out, depth);
      } catch (ReadFailure e) {
        throw e.underIndex(i);
      }
    }
  }

  /** google.protobuf.Value: any JSON value; numbers must be finite doubles. */
  private void value(JsonParser p, JsonToken t, MessagePlan plan, WireBuffer out, int depth)
      throws IOException, ReadFailure {
    switch (t) {
      case VALUE_NULL -> {
        out.tag(1, WireFormat.WIRETYPE_VARINT);
        out.varint32(0);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        double number = p.getDoubleValue();
        if (Double.isInfinite(number)) {
          throw new ReadFailure("expected a number in the range of a double, was " + JsonIntegers.shown(p.getText()));
        }
        out.tag(2, WireFormat.WIRETYPE_FIXED64);
        out.fixed64(Double.doubleToRawLongBits(number));
      }
      case VALUE_STRING -> {
        out.tag(3, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.string(p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        out.tag(4, WireFormat.WIRETYPE_VARINT);
        out.varint32(t == JsonToken.VALUE_TRUE ? 1 : 0);
      }
      case START_OBJECT, START_ARRAY -> reader.value(p, t, plan.byNumber(t == JsonToken.START_OBJECT ? 5 : 6).element,
          out, depth);
      default -> throw ReadFailure.expected("a JSON value", p, t);
    }
  }

  private interface Parse<T> {
    T parse(String text);
  }

  private static <T> T text(JsonParser p, JsonToken t, String what, Parse<T> parse) throws IOException, ReadFailure {
    if (t != JsonToken.VALUE_STRING) {
      throw ReadFailure.expected(what, p, t);
    }
    String text = p.getText();
    try {
      return parse.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ReadFailure("expected " + what + ", was " + DecodeException.echo(text) + " (" + e.getMessage() + ")");
    }
  }
}
