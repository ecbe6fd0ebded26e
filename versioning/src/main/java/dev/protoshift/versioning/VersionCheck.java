package dev.protoshift.versioning;

import java.util.Objects;
import java.util.Optional;

/**
 * The classification of a client's declared version: its {@link VersionStatus}, the parsed
 * version if it parsed, the version both sides agree on if the server accepts it, and a
 * sentence for logs and rejections.
 *
 * @param status how the declared version relates to the supported range
 * @param declared the client's version, empty if none was declared or it was malformed
 * @param agreed the version the server will speak to this client, empty if not accepted or none declared
 * @param detail a sentence naming the versions involved, safe to log and to send to the client
 */
public record VersionCheck(
    VersionStatus status, Optional<ProtocolVersion> declared, Optional<ProtocolVersion> agreed, String detail) {

  public VersionCheck {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(declared, "declared");
    Objects.requireNonNull(agreed, "agreed");
    Objects.requireNonNull(detail, "detail");
    if (agreed.isPresent() != (status.isAccepted() && status != VersionStatus.NOT_DECLARED)) {
      throw new IllegalArgumentException("a " + status + " check " + (agreed.isPresent() ? "has no" : "needs an")
          + " agreed version");
    }
  }

  public boolean isAccepted() {
    return status.isAccepted();
  }
}
