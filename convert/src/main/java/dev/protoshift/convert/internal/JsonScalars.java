package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
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

  /** Returned for an unknown enum name when unknown keys are ignored: the value is skipped. */
  static final Object SKIP = new Object();

  private final boolean ignoreUnknownEnums;

  JsonScalars(boolean ignoreUnknownEnums) {
    this.ignoreUnknownEnums = ignoreUnknownEnums;
  }

  /** The value of the current token {@code t} for a field of {@code fd}'s (scalar or enum) type, or {@link #SKIP}. */
  Object read(JsonParser p, JsonToken t, FieldDescriptor fd) throws IOException, ReadFailure {
    return switch (fd.getType()) {
      case INT32, SINT32, SFIXED32 -> (int) integer(p, t, JsonIntegers.Kind.of(fd.getType()));
      case UINT32, FIXED32 -> (int) integer(p, t, JsonIntegers.Kind.of(fd.getType()));
      case INT64, SINT64, SFIXED64, UINT64, FIXED64 -> integer(p, t, JsonIntegers.Kind.of(fd.getType()));
      case FLOAT -> readFloat(p, t);
      case DOUBLE -> readDouble(p, t);
      case BOOL -> readBool(p, t);
      case STRING -> {
        if (t != JsonToken.VALUE_STRING) {
          throw expected("a string", p, t);
        }
        yield p.getText();
      }
      case BYTES -> readBytes(p, t);
      case ENUM -> readEnum(p, t, fd.getEnumType());
      case MESSAGE, GROUP -> throw new IllegalStateException("not a scalar field: " + fd.getFullName());
    };
  }

  /** A map key (always a JSON string) for a key field of {@code fd}'s type. */
  static Object mapKey(String key, FieldDescriptor fd) throws ReadFailure {
    return switch (fd.getType()) {
      case STRING -> key;
      case BOOL -> switch (key) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new ReadFailure("expected a bool map key (\"true\" or \"false\"), was " + DecodeException.echo(key));
      };
      case INT32, SINT32, SFIXED32, UINT32, FIXED32 -> (int) JsonIntegers.parse(key, JsonIntegers.Kind.of(fd.getType()), true);
      default -> JsonIntegers.parse(key, JsonIntegers.Kind.of(fd.getType()), true);
    };
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
    throw expected(kind.article, p, t);
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
    throw expected("a float", p, t);
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
    throw expected("a double", p, t);
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
    throw expected("a bool", p, t);
  }

  private static ByteString readBytes(JsonParser p, JsonToken t) throws IOException, ReadFailure {
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      try {
        return ByteString.copyFrom(Base64.getDecoder().decode(s));
      } catch (IllegalArgumentException standard) {
        try {
          return ByteString.copyFrom(Base64.getUrlDecoder().decode(s));
        } catch (IllegalArgumentException urlSafe) {
          // Neither alphabet: reported below.
        }
      }
    }
    throw expected("base64 bytes", p, t);
  }

  private Object readEnum(JsonParser p, JsonToken t, EnumDescriptor type) throws IOException, ReadFailure {
    if (t == JsonToken.VALUE_NULL && type.getFullName().equals("google.protobuf.NullValue")) {
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
      throw expected("a " + type.getFullName() + " name or number", p, t);
    }
    if (value != null) {
      return value;
    }
    if (ignoreUnknownEnums) {
      return SKIP;
    }
    throw expected("a " + type.getFullName() + " name or number", p, t);
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

  /** {@code expected <what>, was <the value>}: the value quoted and bounded, or its kind. */
  static ReadFailure expected(String what, JsonParser p, JsonToken t) throws IOException {
    return new ReadFailure("expected " + what + ", was " + shown(p, t));
  }

  static String shown(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> DecodeException.echo(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonIntegers.shown(p.getText());
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }
}
