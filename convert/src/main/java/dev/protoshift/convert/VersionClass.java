package dev.protoshift.convert;

import dev.protoshift.versioning.ProtocolVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A range of client versions that get the same view of every message: {@code [since, until)}.
 *
 * <p>Version classes are derived from a {@link VersionChain}: each release that changed
 * something starts a class, and a client belongs to the class of the newest such release that
 * is not newer than the client. With changes in 1.1.0 only, there are two classes: the
 * "1.0.0 view" for clients {@code >=1.0.0 <1.1.0} (including {@code 1.1.0-beta.2}) and the
 * "1.1.0 view" for every client from 1.1.0 on.
 *
 * @param since the first version of the class, a release that changed something (or the chain's
 *     baseline)
 * @param until the first version of the next class, or {@code null} for the newest class
 */
public record VersionClass(ProtocolVersion since, ProtocolVersion until) {

  /**
   * @throws NullPointerException if {@code since} is null
   * @throws IllegalArgumentException if {@code until} is not newer than {@code since}
   */
  public VersionClass {
    Objects.requireNonNull(since, "since");
    if (until != null && !until.isNewerThan(since)) {
      throw new IllegalArgumentException("a version class must end after it starts, was [" + since + ", " + until + ")");
    }
  }

  /** True if a client on {@code version} belongs to this class. */
  public boolean contains(ProtocolVersion version) {
    return version.isAtLeast(since) && (until == null || version.isOlderThan(until));
  }

  /** The end of the class, empty for the newest class. */
  public Optional<ProtocolVersion> end() {
    return Optional.ofNullable(until);
  }

  /** The short name used in metric tags and cohort keys: the first version, e.g. {@code 1.0.0}. */
  public String label() {
    return since.toString();
  }

  /** E.g. {@code 1.0.0 view (>=1.0.0 <1.1.0)}. */
  @Override
  public String toString() {
    return since + " view (>=" + since + (until == null ? "" : " <" + until) + ")";
  }
}
