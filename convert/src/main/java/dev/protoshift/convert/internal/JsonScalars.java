package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.protoshift.convert.DecodeException;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads scalar values (numbers, bools, strings, bytes, enums) and map keys the way protobuf's
 * JSON parsers accept them: integers as numbers or strings (also {@code 1.0} and {@code 1e3}),
 * floats also as {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, bytes in standard or
 * URL-safe base64, enums by name or number.
 */
final class JsonScalars {

  private final boolean ignoreUnknownEnums;

  JsonScalars(boolean ignoreUnknownEnums) {
    this.ignoreUnknownEnums = ignoreUnknownEnums;
  }

  /**
   * Reads the current token {@code t} as a value of {@code v}'s (scalar or enum) type and writes
   * it, tag included, to {@code out}. Returns false, writing nothing, for an unknown enum value
   * when unknown keys are ignored.
   */
  boolean read(JsonParser p, JsonToken t, ValuePlan v, WireBuffer out) throws IOException, ReadFailure {
    switch (v.type) {
      case INT32, UINT32, INT64, UINT64 -> {
        long value = integer(p, t, v.integer);
        out.tag(v.number, v.wireType);
        if (v.type == FieldDescriptor.Type.INT32) {
          out.int32((int) value);
        } else if (v.type == FieldDescriptor.Type.UINT32) {
          out.varint32((int) value);
        } else {
          out.varint64(value);
        }
      }
      case SINT32 -> {
        int value = (int) integer(p, t, v.integer);
        out.tag(v.number, v.wireType);
        out.varint32((value << 1) ^ (value >> 31));
      }
      case SINT64 -> {
        long value = integer(p, t, v.integer);
        out.tag(v.number, v.wireType);
        out.varint64((value << 1) ^ (value >> 63));
      }
      case FIXED32, SFIXED32 -> {
        int value = (int) integer(p, t, v.integer);
        out.tag(v.number, v.wireType);
        out.fixed32(value);
      }
      case FIXED64, SFIXED64 -> {
        long value = integer(p, t, v.integer);
        out.tag(v.number, v.wireType);
        out.fixed64(value);
      }
      case FLOAT -> {
        float value = readFloat(p, t);
        out.tag(v.number, v.wireType);
        out.fixed32(Float.floatToRawIntBits(value));
      }
      case DOUBLE -> {
        double value = readDouble(p, t);
        out.tag(v.number, v.wireType);
        out.fixed64(Double.doubleToRawLongBits(value));
      }
      case BOOL -> {
        boolean value = readBool(p, t);
        out.tag(v.number, v.wireType);
        out.varint32(value ? 1 : 0);
      }
      case STRING -> {
        if (t != JsonToken.VALUE_STRING) {
          throw ReadFailure.expected("a string", p, t);
        }
        out.tag(v.number, v.wireType);
        out.string(p.getText());
      }
      case BYTES -> {
        byte[] value = readBytes(p, t);
        out.tag(v.number, v.wireType);
        out.bytes(value);
      }
      case ENUM -> {
        EnumValueDescriptor value = readEnum(p, t, v);
        if (value == null) {
          return false;
        }
        out.tag(v.number, v.wireType);
        out.int32(value.getNumber());
      }
      case MESSAGE, GROUP -> throw new IllegalStateException("not a scalar field: " + v.descriptor.getFullName());
    }
    return true;
  }

  /** Writes a map key (always a JSON string) as the entry's key field and returns it, for duplicate detection. */
  static Object mapKey(String key, ValuePlan k, WireBuffer out) throws ReadFailure {
    switch (k.type) {
      case STRING -> {
        out.tag(k.number, k.wireType);
        out.string(key);
        return key;
      }
      case BOOL -> {
        boolean value = switch (key) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new ReadFailure("expected a bool map key (\"true\" or \"false\"), was " + DecodeException.echo(key));
        };
        out.tag(k.number, k.wireType);
        out.varint32(value ? 1 : 0);
        return value;
      }
      default -> {
        long value = JsonIntegers.parse(key, k.integer, true);
        out.tag(k.number, k.wireType);
        switch (k.type) {
          case INT32 -> out.int32((int) value);
          case UINT32 -> out.varint32((int) value);
          case SINT32 -> out.varint32(((int) value << 1) ^ ((int) value >> 31));
          case SINT64 -> out.varint64((value << 1) ^ (value >> 63));
          case FIXED32, SFIXED32 -> out.fixed32((int) value);
          case FIXED64, SFIXED64 -> out.fixed64(value);
          default -> out.varint64(value);
        }
        return switch (k.type) {
          case UINT32, FIXED32 -> Integer.toUnsignedString((int) value);
          case UINT64, FIXED64 -> Long.toUnsignedString(value);
          default -> value;
        };
      }
    }
  }

  private static long integer(JsonParser p, JsonToken t, JsonIntegers.Kind kind) throws IOException, ReadFailure {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return JsonIntegers.checked(type == JsonParser.NumberType.INT ? p.getIntValue() : p.getLongValue(), kind, p);
      }
      return JsonIntegers.parse(p.getText(), kind, false);
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      return JsonIntegers.parse(p.getText(), kind, false);
    }
    if (t == JsonToken.VALUE_STRING) {
      return JsonIntegers.parse(p.getText(), kind, true);
    }
    throw ReadFailure.expected(kind.article, p, t);
  }

  private static float readFloat(JsonParser p, JsonToken t) throws IOException, ReadFailure {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      float v = p.getFloatValue();
      if (Float.isInfinite(v)) {
        throw new ReadFailure("expected a float, was " + JsonIntegers.shown(p.getText()) + " (out of range)");
      }
      return v;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      switch (s) {
        case "NaN":
          return Float.NaN;
        case "Infinity":
          return Float.POSITIVE_INFINITY;
        case "-Infinity":
          return Float.NEGATIVE_INFINITY;
        default:
          if (JsonIntegers.isJsonNumber(s)) {
            float v = Float.parseFloat(s);
            if (Float.isInfinite(v)) {
              throw new ReadFailure("expected a float, was " + DecodeException.echo(s) + " (out of range)");
            }
            return v;
          }
      }
    }
    throw ReadFailure.expected("a float", p, t);
  }

  private static double readDouble(JsonParser p, JsonToken t) throws IOException, ReadFailure {
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      double v = p.getDoubleValue();
      if (Double.isInfinite(v)) {
        throw new ReadFailure("expected a double, was " + JsonIntegers.shown(p.getText()) + " (out of range)");
      }
      return v;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      switch (s) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          if (JsonIntegers.isJsonNumber(s)) {
            double v = Double.parseDouble(s);
            if (Double.isInfinite(v)) {
              throw new ReadFailure("expected a double, was " + DecodeException.echo(s) + " (out of range)");
            }
            return v;
          }
      }
    }
    throw ReadFailure.expected("a double", p, t);
  }

  private static boolean readBool(JsonParser p, JsonToken t) throws IOException, ReadFailure {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    } else if (t == JsonToken.VALUE_FALSE) {
      return false;
    } else if (t == JsonToken.VALUE_STRING && p.getText().equals("true")) {
      return true;
    } else if (t == JsonToken.VALUE_STRING && p.getText().equals("false")) {
      return false;
    }
    throw ReadFailure.expected("a bool", p, t);
  }

  private static byte[] readBytes(JsonParser p, JsonToken t) throws IOException, ReadFailure {
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      try {
        return Base64.getDecoder().decode(s);
      } catch (IllegalArgumentException standard) {
        try {
          return Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException urlSafe) {
          // Neither alphabet: reported below.
        }
      }
    }
    throw ReadFailure.expected("base64 bytes", p, t);
  }

  /** The enum value, or null if it is unknown and unknown keys are ignored. */
  private EnumValueDescriptor readEnum(JsonParser p, JsonToken t, ValuePlan v) throws IOException, ReadFailure {
    EnumDescriptor type = v.descriptor.getEnumType();
    if (t == JsonToken.VALUE_NULL && v.nullValueEnum) {
      return type.findValueByNumber(0);
    }
    EnumValueDescriptor value = null;
    if (t == JsonToken.VALUE_STRING) {
      String name = p.getText();
      value = type.findValueByName(name);
      if (value == null && JsonIntegers.isJsonNumber(name)) {
        value = byNumber(type, name);
      }
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      value = byNumber(type, p.getText());
    } else {
      throw ReadFailure.expected("a " + type.getFullName() + " name or number", p, t);
    }
    if (value != null) {
      return value;
    }
    if (ignoreUnknownEnums) {
      return null;
    }
    throw ReadFailure.expected("a " + type.getFullName() + " name or number", p, t);
  }

  /** The value numbered so; an unknown number is kept for open enums (proto3) and unknown for closed ones. */
  private static EnumValueDescriptor byNumber(EnumDescriptor type, String number) {
    int n;
    try {
      n = (int) JsonIntegers.parse(number, JsonIntegers.Kind.INT32, false);
    } catch (ReadFailure notAnInt32) {
      return null;
    }
    return type.isClosed() ? type.findValueByNumber(n) : type.findValueByNumberCreatingIfUnknown(n);
  }
}
