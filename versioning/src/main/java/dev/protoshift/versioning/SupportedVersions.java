package dev.protoshift.versioning;

import java.util.Objects;
import java.util.Optional;

/**
 * The protocol versions a server can serve: from {@link #oldest()} (the oldest client it still
 * converts down for) to {@link #current()} (what it speaks natively), both inclusive. Immutable.
 *
 * <p>{@link #classify} sorts a client's declared version into one {@link VersionStatus}, using
 * SemVer precedence throughout, so a pre-release is older than its release: with a range of
 * {@code 1.0.0..1.2.0}, {@code 1.1.0-beta.2} is {@code older_supported} and agreed as itself,
 * and a converter treats it as older than 1.1.0.
 */
public final class SupportedVersions {

  private final ProtocolVersion oldest;
  private final ProtocolVersion current;

  private SupportedVersions(ProtocolVersion oldest, ProtocolVersion current) {
    this.oldest = oldest;
    this.current = current;
  }

  /**
   * The range {@code oldest..current}.
   *
   * @throws IllegalArgumentException if {@code oldest} is newer than {@code current}
   */
  public static SupportedVersions between(ProtocolVersion oldest, ProtocolVersion current) {
    Objects.requireNonNull(oldest, "oldest");
    Objects.requireNonNull(current, "current");
    if (oldest.isNewerThan(current)) {
      throw new IllegalArgumentException(
          "oldest supported version must not be newer than current, were " + oldest + " and " + current);
    }
    return new SupportedVersions(oldest, current);
  }

  /**
   * The range {@code oldest..current}, parsed.
   *
   * @throws InvalidVersionException if either is not a version
   * @throws IllegalArgumentException if {@code oldest} is newer than {@code current}
   */
  public static SupportedVersions between(String oldest, String current) {
    return between(ProtocolVersion.parse(oldest), ProtocolVersion.parse(current));
  }

  /** A server that supports exactly one version. */
  public static SupportedVersions only(ProtocolVersion version) {
    return between(version, version);
  }

  public ProtocolVersion oldest() {
    return oldest;
  }

  public ProtocolVersion current() {
    return current;
  }

  /** True if {@code oldest <= version <= current} by SemVer precedence. */
  public boolean contains(ProtocolVersion version) {
    return version.isAtLeast(oldest) && !version.isNewerThan(current);
  }

  /**
   * Classifies what a client declared. {@code null} or empty means nothing was declared
   * ({@link VersionStatus#NOT_DECLARED}); anything else is parsed with {@link ProtocolVersion#parse}.
   * Never throws for any input.
   */
  public VersionCheck classify(String declared) {
    if (declared == null || declared.isEmpty()) {
      return new VersionCheck(VersionStatus.NOT_DECLARED, Optional.empty(), Optional.empty(),
          "client declared no version");
    }
    try {
      return classify(ProtocolVersion.parse(declared));
    } catch (InvalidVersionException e) {
      return new VersionCheck(VersionStatus.MALFORMED, Optional.empty(), Optional.empty(), e.getMessage());
    }
  }

  /** Classifies a client's version against this range. */
  public VersionCheck classify(ProtocolVersion v) {
    Objects.requireNonNull(v, "version");
    Optional<ProtocolVersion> declared = Optional.of(v);
    if (v.compareTo(current) == 0) {
      return new VersionCheck(VersionStatus.CURRENT, declared, declared,
          "client version " + v + " is the server's current version");
    }
    if (v.isNewerThan(current)) {
      if (v.major() == current.major()) {
        return new VersionCheck(VersionStatus.NEWER_COMPATIBLE, declared, Optional.of(current),
            "client version " + v + " is newer than the server's " + current + " with the same major; agreed on "
                + current);
      }
      return new VersionCheck(VersionStatus.UNSUPPORTED_MAJOR, declared, Optional.empty(),
          "client version " + v + " has major " + v.major() + "; this server supports " + this);
    }
    if (v.isOlderThan(oldest)) {
      return new VersionCheck(VersionStatus.TOO_OLD, declared, Optional.empty(),
          "client version " + v + " is older than the oldest supported; this server supports " + this);
    }
    return new VersionCheck(VersionStatus.OLDER_SUPPORTED, declared, declared,
        "client version " + v + " is older than the server's " + current + " and supported");
  }

  /**
   * Classifies a {@code MAJOR.MINOR} line (what a subprotocol name carries). Patch releases never
   * change the schema, so the line stands for its newest supported patch: the current version
   * if the line is current's, the oldest if it is the oldest's, otherwise {@code MAJOR.MINOR.0}.
   */
  public VersionCheck classifyLine(int major, int minor) {
    if (major == current.major() && minor == current.minor()) {
      return classify(current);
    }
    if (major == oldest.major() && minor == oldest.minor()) {
      return classify(oldest);
    }
    return classify(ProtocolVersion.of(major, minor, 0));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SupportedVersions other && oldest.equals(other.oldest) && current.equals(other.current);
  }

  @Override
  public int hashCode() {
    return Objects.hash(oldest, current);
  }

  /** {@code 1.0.0 to 1.2.0}. */
  @Override
  public String toString() {
    return oldest + " to " + current;
  }
}
