package dev.protoshift.convert;

import dev.protoshift.versioning.ProtocolVersion;
import java.util.Objects;

/**
 * Something {@link VersionChain#checkHistory()} found: clients of a frozen release would receive
 * what they cannot read, or miss what they still read. The {@link #message()} names the release,
 * the element and what to do; {@link #toString()} is the message, so a failing
 * {@code assertThat(chain.checkHistory()).isEmpty()} reads as the list of problems.
 *
 * @param kind what kind of problem
 * @param release the release whose clients are affected
 * @param element the full name of the field or enum value (for {@link Kind#NOT_CHECKED}, of the
 *     root message)
 * @param message what is wrong and what to do
 */
public record HistoryProblem(Kind kind, ProtocolVersion release, String element, String message) {

  /** The kinds of problems. */
  public enum Kind {
    /** A field reaches clients of a release that does not have it. */
    UNKNOWN_FIELD,
    /** An enum value reaches clients of a release that does not have it. */
    UNKNOWN_ENUM_VALUE,
    /** The downgraded message does not parse with the release's schema (a wire type changed). */
    UNREADABLE,
    /**
     * A field clients of the release still read (deprecated since, not in their release) is empty
     * after the downgrade: no version change fills it from what replaced it.
     */
    DEPRECATED_FIELD_EMPTY,
    /** No sample message could be downgraded for the release: nothing was checked. */
    NOT_CHECKED
  }

  /** @throws NullPointerException if an argument is null */
  public HistoryProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}
