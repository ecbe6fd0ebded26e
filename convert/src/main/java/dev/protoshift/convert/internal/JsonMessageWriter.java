package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.List;

/**
 * Writes messages field by field in field-number order, from their descriptors, through a Jackson
 * generator. Stateless apart from its settings and plans; thread-safe.
 */
final class JsonMessageWriter {

  private final JsonSettings settings;
  private final WellKnownWriter wellKnown;

  JsonMessageWriter(JsonSettings settings) {
    this.settings = settings;
    this.wellKnown = new WellKnownWriter(this);
  }

  /** Writes {@code message}'s JSON value: an object, or a well-known type's own form. */
  void message(JsonGenerator g, MessageOrBuilder message, MessagePlan plan) throws IOException {
    if (plan.wellKnown != WellKnown.NONE) {
      wellKnown.write(g, message, plan);
      return;
    }
    g.writeStartObject();
    for (FieldPlan field : plan.fields) {
      try {
        field(g, message, field);
      } catch (WriteFailure e) {
        throw e.underKey(field.key.getValue());
      }
    }
    g.writeEndObject();
  }

  private void field(JsonGenerator g, MessageOrBuilder message, FieldPlan field) throws IOException {
    FieldDescriptor fd = field.descriptor;
    switch (field.shape) {
      case SINGULAR -> {
        Object value;
        if (field.presence) {
          if (!message.hasField(fd)) {
            return;
          }
          value = message.getField(fd);
        } else {
          value = message.getField(fd);
          if (!settings.writeDefaults() && isDefault(value)) {
            return;
          }
        }
        g.writeFieldName(field.key);
        value(g, field.element, value);
      }
      case REPEATED -> {
        List<?> values = (List<?>) message.getField(fd);
        if (values.isEmpty() && !settings.writeDefaults()) {
          return;
        }
        g.writeFieldName(field.key);
        g.writeStartArray();
        for (int i = 0, n = values.size(); i < n; i++) {
          try {
            value(g, field.element, values.get(i));
          } catch (WriteFailure e) {
            throw e.underIndex(i);
          }
        }
        g.writeEndArray();
      }
      case MAP -> {
        List<?> entries = (List<?>) message.getField(fd);
        if (entries.isEmpty() && !settings.writeDefaults()) {
          return;
        }
        g.writeFieldName(field.key);
        g.writeStartObject();
        for (Object entry : entries) {
          Message e = (Message) entry;
          String key = mapKey(field.mapKey, e.getField(field.mapKey.descriptor));
          g.writeFieldName(key);
          try {
            value(g, field.element, e.getField(field.element.descriptor));
          } catch (WriteFailure failure) {
            throw failure.underMapKey(key);
          }
        }
        g.writeEndObject();
      }
    }
  }

  /** Writes one value of {@code v}'s type (a singular value, a repeated element or a map value). */
  void value(JsonGenerator g, ValuePlan v, Object value) throws IOException {
    switch (v.type) {
      case INT32, SINT32, SFIXED32 -> g.writeNumber((int) (Integer) value);
      case UINT32, FIXED32 -> g.writeNumber(Integer.toUnsignedLong((Integer) value));
      case INT64, SINT64, SFIXED64 -> {
        long n = (Long) value;
        if (settings.int64AsNumbers()) {
          g.writeNumber(n);
        } else {
          g.writeString(Long.toString(n));
        }
      }
      case UINT64, FIXED64 -> {
        long n = (Long) value;
        if (!settings.int64AsNumbers()) {
          g.writeString(Long.toUnsignedString(n));
        } else if (n >= 0) {
          g.writeNumber(n);
        } else {
          g.writeNumber(Long.toUnsignedString(n));
        }
      }
      case FLOAT -> {
        float f = (Float) value;
        if (Float.isFinite(f)) {
          g.writeNumber(f);
        } else {
          g.writeString(nonFinite(f));
        }
      }
      case DOUBLE -> {
        double d = (Double) value;
        if (Double.isFinite(d)) {
          g.writeNumber(d);
        } else {
          g.writeString(nonFinite(d));
        }
      }
      case BOOL -> g.writeBoolean((Boolean) value);
      case STRING -> g.writeString((String) value);
      case BYTES -> {
        byte[] bytes = ((ByteString) value).toByteArray();
        g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, 0, bytes.length);
      }
      case ENUM -> enumValue(g, v, (EnumValueDescriptor) value);
      case MESSAGE, GROUP -> message(g, (MessageOrBuilder) value, v.message());
    }
  }

  private void enumValue(JsonGenerator g, ValuePlan v, EnumValueDescriptor value) throws IOException {
    if (v.nullValueEnum) {
      g.writeNull();
    } else if (settings.enumsAsNumbers() || value.getIndex() == -1) {
      g.writeNumber(value.getNumber());
    } else {
      g.writeString(value.getName());
    }
  }

  private static String nonFinite(double v) {
    return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
  }

  /** A map key as JSON object key: integers in decimal, bools as "true"/"false", strings as they are. */
  private static String mapKey(ValuePlan keyField, Object key) {
    return switch (keyField.type) {
      case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) key);
      case UINT64, FIXED64 -> Long.toUnsignedString((Long) key);
      case STRING -> (String) key;
      default -> key.toString();
    };
  }

  /** Whether a field without presence holds its default: 0 (not -0.0), false, "", empty bytes, the zero enum value. */
  private static boolean isDefault(Object value) {
    if (value instanceof Integer i) {
      return i == 0;
    } else if (value instanceof Long l) {
      return l == 0;
    } else if (value instanceof Float f) {
      return Float.floatToRawIntBits(f) == 0;
    } else if (value instanceof Double d) {
      return Double.doubleToRawLongBits(d) == 0;
    } else if (value instanceof Boolean b) {
      return !b;
    } else if (value instanceof String s) {
      return s.isEmpty();
    } else if (value instanceof ByteString b) {
      return b.isEmpty();
    } else if (value instanceof EnumValueDescriptor e) {
      return e.getNumber() == 0;
    }
    return false;
  }
}
