package dev.protoshift.reference.game;

import java.util.List;
import java.util.Objects;

/** Preconditions of the domain records; every message names the field and the bad value. */
final class Checks {

  /** The largest integer a JSON number holds exactly in every client (2^53 - 1). */
  static final long MAX_JSON_SAFE = (1L << 53) - 1;

  private Checks() {}

  static float finite(String name, float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
    return value;
  }

  static long jsonSafe(String name, long value) {
    if (value < 0 || value > MAX_JSON_SAFE) {
      throw new IllegalArgumentException(name + " must be 0.." + MAX_JSON_SAFE + ", was " + Long.toUnsignedString(value));
    }
    return value;
  }

  static int range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  /** Non-null, well-formed UTF-16 (no unpaired surrogate), so that every encoding can carry it. */
  static String text(String name, String value) {
    Objects.requireNonNull(value, name);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(name + " has an unpaired surrogate U+"
            + Integer.toHexString(c).toUpperCase() + " at index " + i);
      }
    }
    return value;
  }

  static String nonEmptyText(String name, String value) {
    if (text(name, value).isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  static <T> List<T> list(String name, List<T> values) {
    Objects.requireNonNull(values, name);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new NullPointerException(name + " has null at index " + i);
      }
    }
    return List.copyOf(values);
  }
}
