package dev.protoshift.compat;

import dev.protoshift.versioning.ProtocolVersion;

/**
 * The semantic-version bump a schema change needs (or that two declared versions make), ordered
 * from none to major.
 */
public enum Bump {
  /** The schemas are the same (whitespace and layout aside). */
  NONE,
  /** A change no rule counts and that adds nothing: comments, options. */
  PATCH,
  /** Additions only: files, messages, fields, enums, enum values, services, methods, oneofs. */
  MINOR,
  /** At least one breaking finding in the selected categories. */
  MAJOR;

  /** True if this bump is at least {@code other}. */
  public boolean covers(Bump other) {
    return compareTo(other) >= 0;
  }

  /**
   * The bump from one declared version to the next: MAJOR if the major component grew, and so on;
   * NONE if the release parts are equal (a pre-release moving to its release counts as NONE).
   *
   * @throws IllegalArgumentException if {@code current} is older than {@code previous}
   */
  public static Bump between(ProtocolVersion previous, ProtocolVersion current) {
    if (current.isOlderThan(previous)) {
      throw new IllegalArgumentException(
          "declared version went backwards: " + previous + " -> " + current);
    }
    if (current.major() != previous.major()) {
      return MAJOR;
    }
    if (current.minor() != previous.minor()) {
      return MINOR;
    }
    return current.patch() != previous.patch() ? PATCH : NONE;
  }

  /** The version {@code previous} becomes with this bump ({@code previous} itself for NONE). */
  public ProtocolVersion apply(ProtocolVersion previous) {
    return switch (this) {
      case NONE -> previous;
      case PATCH -> previous.nextPatch();
      case MINOR -> previous.nextMinor();
      case MAJOR -> previous.nextMajor();
    };
  }
}
