package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.List;

/**
 * Writes the well-known types in their JSON forms, reflectively (so generated classes and
 * DynamicMessages of the same types both work). Any is refused: ProtoJson has no type registry.
 */
final class WellKnownWriter {

  private final JsonMessageWriter writer;

  WellKnownWriter(JsonMessageWriter writer) {
    this.writer = writer;
  }

  void write(JsonGenerator g, MessageOrBuilder message, MessagePlan plan) throws IOException {
    Descriptor type = plan.descriptor;
    switch (plan.wellKnown) {
      case TIMESTAMP -> g.writeString(text(() -> WellKnownText.timestamp(
          (Long) message.getField(type.findFieldByNumber(1)), (Integer) message.getField(type.findFieldByNumber(2)))));
      case DURATION -> g.writeString(text(() -> WellKnownText.duration(
          (Long) message.getField(type.findFieldByNumber(1)), (Integer) message.getField(type.findFieldByNumber(2)))));
      case FIELD_MASK -> {
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) message.getField(type.findFieldByNumber(1));
        g.writeString(text(() -> WellKnownText.fieldMask(paths)));
      }
      case STRUCT -> struct(g, message, type);
      case VALUE -> value(g, message, type);
      case LIST_VALUE -> list(g, message, type);
      case WRAPPER -> {
        ValuePlan value = plan.byNumber(1).element;
        writer.value(g, value, message.getField(value.descriptor));
      }
      case ANY -> throw new WriteFailure("google.protobuf.Any has no JSON form in ProtoJson (it has no type "
          + "registry to resolve the type URL); use a oneof of the possible messages");
      case NONE -> throw new IllegalStateException("not a well-known type: " + type.getFullName());
    }
  }

  private void struct(JsonGenerator g, MessageOrBuilder struct, Descriptor type) throws IOException {
    FieldDescriptor fields = type.findFieldByNumber(1);
    FieldDescriptor key = fields.getMessageType().findFieldByNumber(1);
    FieldDescriptor value = fields.getMessageType().findFieldByNumber(2);
    g.writeStartObject();
    for (Object entry : (List<?>) struct.getField(fields)) {
      Message e = (Message) entry;
      String name = (String) e.getField(key);
      g.writeFieldName(name);
      try {
        Message v = (Message) e.getField(value);
        value(g, v, v.getDescriptorForType());
      } catch (WriteFailure failure) {
        throw failure.underMapKey(name);
      }
    }
    g.writeEndObject();
  }

  /** google.protobuf.Value: whichever of its kinds is set; none set is written as null (as protobuf does). */
  private void value(JsonGenerator g, MessageOrBuilder value, Descriptor type) throws IOException {
    FieldDescriptor kind = value.getOneofFieldDescriptor(type.getOneofs().get(0));
    if (kind == null) {
      g.writeNull();
      return;
    }
    Object v = value.getField(kind);
    switch (kind.getNumber()) {
      case 1 -> g.writeNull();
      case 2 -> {
        double number = (Double) v;
        if (!Double.isFinite(number)) {
          throw new WriteFailure("google.protobuf.Value cannot hold " + number
              + " in JSON (protobuf's mapping has no non-finite numbers in a Value)");
        }
        g.writeNumber(number);
      }
      case 3 -> g.writeString((String) v);
      case 4 -> g.writeBoolean((Boolean) v);
      case 5 -> struct(g, (MessageOrBuilder) v, kind.getMessageType());
      case 6 -> list(g, (MessageOrBuilder) v, kind.getMessageType());
      default -> throw new IllegalStateException("google.protobuf.Value has no field " + kind.getNumber());
    }
  }

  private void list(JsonGenerator g, MessageOrBuilder list, Descriptor type) throws IOException {
    List<?> values = (List<?>) list.getField(type.findFieldByNumber(1));
    g.writeStartArray();
    for (int i = 0, n = values.size(); i < n; i++) {
      Message v = (Message) values.get(i);
      try {
        value(g, v, v.getDescriptorForType());
      } catch (WriteFailure failure) {
        throw failure.underIndex(i);
      }
    }
    g.writeEndArray();
  }

  private interface Text {
    String get();
  }

  private static String text(Text text) {
    try {
      return text.get();
    } catch (IllegalArgumentException e) {
      throw new WriteFailure(e.getMessage());
    }
  }
}
