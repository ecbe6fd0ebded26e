package dev.protoshift.reference.game.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.proto.game.Waypoint;
import java.io.IOException;
import java.util.List;

/**
 * Reads one JSON value as the type of a protobuf field, with an error naming the field's JSON
 * path ({@code prefix.field}, composed only on error) when the value does not fit. Each method
 * takes the token the parser is on.
 */
final class JsonFields {

  private static final long MAX_UINT32 = 0xFFFF_FFFFL;

  private JsonFields() {}

  static String string(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType(at(prefix, field), "a string", token);
    }
    return p.getText();
  }

  static boolean bool(JsonToken token, String prefix, String field) throws DecodeException {
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw wrongType(at(prefix, field), "true or false", token);
  }

  /** A float, read from the number's text directly (one rounding), so written floats read back exactly. */
  static float float32(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrongType(at(prefix, field), "a number", token);
    }
    return p.getFloatValue();
  }

  static int int32(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    long value = integer(p, token, prefix, field);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw DecodeException.invalidField(at(prefix, field), "must be a 32-bit integer, was " + value);
    }
    return (int) value;
  }

  /** An unsigned 32-bit integer, as protobuf-java holds it in an {@code int}. */
  static int uint32(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    long value = integer(p, token, prefix, field);
    if (value < 0 || value > MAX_UINT32) {
      throw DecodeException.invalidField(at(prefix, field), "must be 0.." + MAX_UINT32 + ", was " + value);
    }
    return (int) value;
  }

  static long int64(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    return integer(p, token, prefix, field);
  }

  /** An unsigned 64-bit integer; JSON clients only use {@code 0..2^63-1}. */
  static long uint64(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    long value = integer(p, token, prefix, field);
    if (value < 0) {
      throw DecodeException.invalidField(at(prefix, field), "must not be negative, was " + value);
    }
    return value;
  }

  /** An array of {@code {"x":..,"y":..}} points. */
  static List<Waypoint> points(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    if (token != JsonToken.START_ARRAY) {
      throw wrongType(at(prefix, field), "an array of {\"x\":..,\"y\":..} points", token);
    }
    return RouteJson.readPoints(p, at(prefix, field));
  }

  static void requireObject(JsonToken token, String prefix, String field) throws DecodeException {
    if (token != JsonToken.START_OBJECT) {
      throw wrongType(at(prefix, field), "an object", token);
    }
  }

  static void requireArray(JsonToken token, String prefix, String field) throws DecodeException {
    if (token != JsonToken.START_ARRAY) {
      throw wrongType(at(prefix, field), "an array", token);
    }
  }

  private static long integer(JsonParser p, JsonToken token, String prefix, String field) throws IOException, DecodeException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(at(prefix, field), "an integer", token);
    }
    JsonParser.NumberType type = p.getNumberType();
    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
      throw DecodeException.invalidField(at(prefix, field), "must be a 64-bit integer, was " + DecodeException.echo(p.getText()));
    }
    return p.getLongValue();
  }

  /** The JSON path of a field: {@code prefix.field}, or {@code field} without prefix. */
  static String at(String prefix, String field) {
    if (prefix == null || field == null) {
      return prefix == null ? field : prefix;
    }
    return prefix + "." + field;
  }

  private static DecodeException wrongType(String path, String expected, JsonToken token) {
    return DecodeException.invalidField(path, "must be " + expected + ", was " + describe(token));
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> token.toString();
    };
  }
}
