package dev.protoshift.convert.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.protoshift.convert.DecodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A bad key or value found while reading. It is thrown where the problem is found and collects its
 * key path on the way out (each level adds its key or index), so the path costs nothing while
 * reading succeeds. No stack trace: hostile input may cause many.
 */
final class ReadFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** The longest key path a message repeats; longer ones keep their end. */
  static final int MAX_PATH = 240;

  /** Path segments, innermost first, already rendered ({@code .key}, {@code [3]}, {@code ["k"]}). */
  private final List<String> segments = new ArrayList<>(4);

  ReadFailure(String problem) {
    super(problem, null, false, false);
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

  /** Under the object key {@code key} (a field name as given, or an unknown key). */
  ReadFailure underKey(String key) {
    segments.add(simple(key) ? "." + key : "[" + DecodeException.echo(key) + "]");
    return this;
  }

  /** Under the array index {@code index}. */
  ReadFailure underIndex(int index) {
    segments.add("[" + index + "]");
    return this;
  }

  /** Under the map key {@code key}. */
  ReadFailure underMapKey(String key) {
    segments.add("[" + DecodeException.echo(key) + "]");
    return this;
  }

  /** The key path, e.g. {@code snakes[1].body[0].x}, or {@code (root)} for the value itself. */
  String path() {
    if (segments.isEmpty()) {
      return "(root)";
    }
    StringBuilder path = new StringBuilder();
    for (int i = segments.size() - 1; i >= 0; i--) {
      path.append(segments.get(i));
    }
    if (path.charAt(0) == '.') {
      path.deleteCharAt(0);
    }
    return path.length() <= MAX_PATH ? path.toString() : "..." + path.substring(path.length() - MAX_PATH);
  }

  DecodeException toDecodeException() {
    return DecodeException.invalidField(path(), getMessage());
  }

  /** Field names and other plain keys are shown as they are; anything else is quoted and bounded. */
  private static boolean simple(String key) {
    if (key.isEmpty() || key.length() > DecodeException.MAX_ECHO) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
