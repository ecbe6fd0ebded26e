package dev.protoshift.versioning;

/** Why a handshake was refused. {@link #code()} is stable, for the wire, logs and metric tags. */
public enum RejectReason {
  /** The declared version is not a version. */
  MALFORMED_VERSION("malformed_version"),
  /** The query string could not be decoded, or {@code proto_version} was given with different values. */
  MALFORMED_QUERY("malformed_query"),
  /** A {@code protoshift.*} subprotocol offer is not a valid name. */
  MALFORMED_SUBPROTOCOL("malformed_subprotocol"),
  /** The hello frame is not valid JSON or has a missing or wrongly typed field. */
  MALFORMED_HELLO("malformed_hello"),
  /** The hello frame is larger than the negotiator's limit. */
  HELLO_TOO_LARGE("hello_too_large"),
  /** The client's major is newer than the server's. */
  UNSUPPORTED_MAJOR("unsupported_major"),
  /** The client is older than the oldest supported version. */
  TOO_OLD("too_old");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
