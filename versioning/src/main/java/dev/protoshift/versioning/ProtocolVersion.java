package dev.protoshift.versioning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * A semantic protocol version, {@code MAJOR.MINOR.PATCH[-PRERELEASE]}, ordered by SemVer 2.0.0
 * precedence (semver4j).
 *
 * <p>Accepted input (see docs/versioning.md): a SemVer 2.0.0 version of at most {@value
 * #MAX_LENGTH} ASCII characters, optionally prefixed with {@code v} ({@code v1.1.0}). Build
 * metadata ({@code +sha.5114f85}) is accepted and dropped: SemVer gives it no precedence, so it
 * cannot matter to a protocol. Everything else is rejected with an {@link
 * InvalidVersionException} naming the input: two-part versions ({@code 1.1}), leading zeros,
 * whitespace, non-ASCII digits, components above {@value #MAX_COMPONENT}.
 *
 * <p>A pre-release is older than its release: {@code 1.1.0-beta.2} is older than {@code 1.1.0},
 * so a {@code 1.1.0-beta.2} client gets what clients older than 1.1.0 get. Note that semver4j's
 * range check {@code satisfies("<1.1.0")} answers {@code false} for it unless pre-releases are
 * included explicitly; {@link #isOlderThan} has no such trap.
 */
public final class ProtocolVersion implements Comparable<ProtocolVersion> {

  /** The longest input {@link #parse} looks at. */
  public static final int MAX_LENGTH = 64;

  /** The largest MAJOR, MINOR or PATCH accepted. */
  public static final int MAX_COMPONENT = 999_999_999;

  private static final String IDENT = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
          + "(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?"
          + "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern TWO_PARTS = Pattern.compile("[0-9]+\\.[0-9]+");

  private final Semver semver;

  private ProtocolVersion(Semver semver) {
    this.semver = semver;
  }

  /**
   * Parses a protocol version.
   *
   * @throws InvalidVersionException naming the input if it is missing, too long or not a version
   */
  public static ProtocolVersion parse(String text) {
    if (text == null) {
      throw new InvalidVersionException(null, "missing");
    }
    if (text.isEmpty()) {
      throw new InvalidVersionException(text, "empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidVersionException(text, "longer than " + MAX_LENGTH + " characters");
    }
    String body = text.startsWith("v") ? text.substring(1) : text;
    Matcher m = SEMVER.matcher(body);
    if (!m.matches()) {
      throw new InvalidVersionException(text, TWO_PARTS.matcher(body).matches()
          ? "expected MAJOR.MINOR.PATCH, e.g. \"" + body + ".0\""
          : "expected MAJOR.MINOR.PATCH[-PRERELEASE], e.g. \"1.1.0\" or \"1.1.0-beta.2\"");
    }
    int major = component(text, m.group(1));
    int minor = component(text, m.group(2));
    int patch = component(text, m.group(3));
    Semver.Builder builder = Semver.of(major, minor, patch);
    if (m.group(4) != null) {
      builder.withPreReleases(m.group(4).split("\\."));
    }
    return new ProtocolVersion(builder.build());
  }

  /** Like {@link #parse}, but empty instead of an exception. */
  public static Optional<ProtocolVersion> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidVersionException e) {
      return Optional.empty();
    }
  }

  /**
   * A release version.
   *
   * @throws IllegalArgumentException if a component is negative or above {@value #MAX_COMPONENT}
   */
  public static ProtocolVersion of(int major, int minor, int patch) {
    for (int c : new int[] {major, minor, patch}) {
      if (c < 0 || c > MAX_COMPONENT) {
        throw new IllegalArgumentException("version components must be 0.." + MAX_COMPONENT
            + ", were " + major + "." + minor + "." + patch);
      }
    }
    return new ProtocolVersion(Semver.of(major, minor, patch).build());
  }

  private static int component(String input, String digits) {
    if (digits.length() > 9) {
      throw new InvalidVersionException(input, "component " + digits + " is above " + MAX_COMPONENT);
    }
    return Integer.parseInt(digits);
  }

  public int major() {
    return semver.getMajor();
  }

  public int minor() {
    return semver.getMinor();
  }

  public int patch() {
    return semver.getPatch();
  }

  /** The dot-separated pre-release identifiers, empty for a release. */
  public List<String> preRelease() {
    return semver.getPreRelease();
  }

  public boolean isPreRelease() {
    return !semver.getPreRelease().isEmpty();
  }

  /** This version without its pre-release part: {@code 1.1.0} for {@code 1.1.0-beta.2}. */
  public ProtocolVersion release() {
    return isPreRelease() ? new ProtocolVersion(semver.withClearedPreRelease()) : this;
  }

  /** True if this version has lower precedence: {@code 1.1.0-beta.2} is older than {@code 1.1.0}. */
  public boolean isOlderThan(ProtocolVersion other) {
    return compareTo(other) < 0;
  }

  public boolean isNewerThan(ProtocolVersion other) {
    return compareTo(other) > 0;
  }

  public boolean isAtLeast(ProtocolVersion other) {
    return compareTo(other) >= 0;
  }

  /** The next major release: {@code 2.0.0} for {@code 1.4.2}. */
  public ProtocolVersion nextMajor() {
    return of(major() + 1, 0, 0);
  }

  /** The next minor release: {@code 1.5.0} for {@code 1.4.2}. */
  public ProtocolVersion nextMinor() {
    return of(major(), minor() + 1, 0);
  }

  /** The next patch release: {@code 1.4.3} for {@code 1.4.2}, {@code 1.5.0} for {@code 1.5.0-rc.1}. */
  public ProtocolVersion nextPatch() {
    return isPreRelease() ? release() : of(major(), minor(), patch() + 1);
  }

  /** The semver4j value, for range expressions. */
  public Semver semver() {
    return semver;
  }

  @Override
  public int compareTo(ProtocolVersion other) {
    return semver.compareTo(other.semver);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtocolVersion other && semver.getVersion().equals(other.semver.getVersion());
  }

  @Override
  public int hashCode() {
    return Objects.hash(semver.getVersion());
  }

  /** The canonical form, e.g. {@code 1.1.0-beta.2} (no {@code v}, no build metadata). */
  @Override
  public String toString() {
    return semver.getVersion();
  }
}
