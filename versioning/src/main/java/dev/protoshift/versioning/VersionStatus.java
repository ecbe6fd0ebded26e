package dev.protoshift.versioning;

/**
 * How a client's declared version relates to the server's {@link SupportedVersions}.
 * {@link #code()} is stable, for logs and metric tags.
 */
public enum VersionStatus {
  /** The server's current version. */
  CURRENT("current", true),
  /** Older than current, not older than the oldest supported: the server converts down to it. */
  OLDER_SUPPORTED("older_supported", true),
  /** Newer than current with the same major (a newer minor or patch): agreed on the server's current version. */
  NEWER_COMPATIBLE("newer_compatible", true),
  /** No version declared: a legacy client, served JSON. */
  NOT_DECLARED("not_declared", true),
  /** Newer than current with a higher major: the server cannot serve it. */
  UNSUPPORTED_MAJOR("unsupported_major", false),
  /** Older than the oldest supported version. */
  TOO_OLD("too_old", false),
  /** Not a version (see {@link ProtocolVersion#parse}). */
  MALFORMED("malformed", false);

  private final String code;
  private final boolean accepted;

  VersionStatus(String code, boolean accepted) {
    this.code = code;
    this.accepted = accepted;
  }

  public String code() {
    return code;
  }

  /** True if the server can serve a client with this status. */
  public boolean isAccepted() {
    return accepted;
  }

  @Override
  public String toString() {
    return code;
  }
}
