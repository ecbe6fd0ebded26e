package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.protoshift.convert.DecodeException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the well-known types from their JSON forms into builders, reflectively (generated and
 * dynamic builders alike). Any is refused: ProtoJson has no type registry.
 */
final class WellKnownReader {

  private final JsonMessageReader reader;

  WellKnownReader(JsonMessageReader reader) {
    this.reader = reader;
  }

  void read(JsonParser p, JsonToken t, MessagePlan plan, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    Descriptor type = plan.descriptor;
    switch (plan.wellKnown) {
      case TIMESTAMP -> {
        long[] time = text(p, t, "an RFC 3339 timestamp string", WellKnownText::parseTimestamp);
        builder.setField(type.findFieldByNumber(1), time[0]).setField(type.findFieldByNumber(2), (int) time[1]);
      }
      case DURATION -> {
        long[] duration = text(p, t, "a duration string (e.g. \"1.5s\")", WellKnownText::parseDuration);
        builder.setField(type.findFieldByNumber(1), duration[0]).setField(type.findFieldByNumber(2), (int) duration[1]);
      }
      case FIELD_MASK -> {
        FieldDescriptor paths = type.findFieldByNumber(1);
        for (String path : text(p, t, "a field mask string", WellKnownText::parseFieldMask)) {
          builder.addRepeatedField(paths, path);
        }
      }
      case STRUCT -> struct(p, t, type, builder, depth);
      case VALUE -> value(p, t, type, builder, depth);
      case LIST_VALUE -> list(p, t, type, builder, depth);
      case WRAPPER -> {
        FieldDescriptor value = type.findFieldByNumber(1);
        builder.setField(value, reader.scalars().read(p, t, value));
      }
      case ANY -> throw new ReadFailure("google.protobuf.Any is not supported: ProtoJson has no type registry");
      case NONE -> throw new IllegalStateException("not a well-known type: " + type.getFullName());
    }
  }

  private void struct(JsonParser p, JsonToken t, Descriptor type, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object (google.protobuf.Struct)", p, t);
    }
    FieldDescriptor fields = type.findFieldByNumber(1);
    FieldDescriptor keyField = fields.getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = fields.getMessageType().findFieldByNumber(2);
    Set<String> keys = new HashSet<>();
    String key;
    while ((key = p.nextFieldName()) != null) {
      try {
        if (!keys.add(key)) {
          throw new ReadFailure("duplicate key");
        }
        Message.Builder entry = builder.newBuilderForField(fields);
        Message.Builder value = entry.newBuilderForField(valueField);
        nested(p, p.nextToken(), valueField.getMessageType(), value, depth);
        builder.addRepeatedField(fields, entry.setField(keyField, key).setField(valueField, value.build()).build());
      } catch (ReadFailure e) {
        throw e.underMapKey(key);
      }
    }
  }

  private void list(JsonParser p, JsonToken t, Descriptor type, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    if (t != JsonToken.START_ARRAY) {
      throw JsonScalars.expected("an array (google.protobuf.ListValue)", p, t);
    }
    FieldDescriptor values = type.findFieldByNumber(1);
    int i = 0;
    for (JsonToken element = p.nextToken(); element != JsonToken.END_ARRAY; element = p.nextToken(), i++) {
      try {
        Message.Builder value = builder.newBuilderForField(values);
        nested(p, element, values.getMessageType(), value, depth);
        builder.addRepeatedField(values, value.build());
      } catch (ReadFailure e) {
        throw e.underIndex(i);
      }
    }
  }

  /** google.protobuf.Value: any JSON value; numbers must be finite doubles. */
  private void value(JsonParser p, JsonToken t, Descriptor type, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    switch (t) {
      case VALUE_NULL -> {
        FieldDescriptor nullValue = type.findFieldByNumber(1);
        builder.setField(nullValue, nullValue.getEnumType().findValueByNumber(0));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        double number = p.getDoubleValue();
        if (Double.isInfinite(number)) {
          throw new ReadFailure("expected a number in the range of a double, was " + JsonIntegers.shown(p.getText()));
        }
        builder.setField(type.findFieldByNumber(2), number);
      }
      case VALUE_STRING -> builder.setField(type.findFieldByNumber(3), p.getText());
      case VALUE_TRUE, VALUE_FALSE -> builder.setField(type.findFieldByNumber(4), t == JsonToken.VALUE_TRUE);
      case START_OBJECT, START_ARRAY -> {
        FieldDescriptor kind = type.findFieldByNumber(t == JsonToken.START_OBJECT ? 5 : 6);
        Message.Builder sub = builder.newBuilderForField(kind);
        nested(p, t, kind.getMessageType(), sub, depth);
        builder.setField(kind, sub.build());
      }
      default -> throw JsonScalars.expected("a JSON value", p, t);
    }
  }

  private void nested(JsonParser p, JsonToken t, Descriptor type, Message.Builder builder, int depth)
      throws IOException, ReadFailure {
    reader.message(p, t, reader.plans().of(type), builder, depth + 1);
  }

  private interface Parse<T> {
    T parse(String text);
  }

  private static <T> T text(JsonParser p, JsonToken t, String what, Parse<T> parse) throws IOException, ReadFailure {
    if (t != JsonToken.VALUE_STRING) {
      throw JsonScalars.expected(what, p, t);
    }
    String text = p.getText();
    try {
      return parse.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ReadFailure("expected " + what + ", was " + DecodeException.echo(text) + " (" + e.getMessage() + ")");
    }
  }
}
