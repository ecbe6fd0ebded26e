package dev.protoshift.versioning;

/** How a client told the server what it speaks. {@link #code()} is stable, for logs and metric tags. */
public enum Handshake {
  /** {@code ?proto_version=X.Y.Z} on the upgrade request. */
  QUERY_PARAMETER("query"),
  /** A {@code hello} JSON text frame as the connection's first message. */
  HELLO("hello"),
  /** A {@code protoshift.*} name in the {@code Sec-WebSocket-Protocol} offers. */
  SUBPROTOCOL("subprotocol"),
  /** Nothing: a legacy client, served JSON. */
  NONE("none");

  private final String code;

  Handshake(String code) {
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
