package dev.protoshift.versioning;

import java.util.Objects;

/**
 * A refused handshake. It names the server's supported range, so the client can tell what to
 * upgrade to (as Kafka's ApiVersions response does).
 *
 * @param handshake how the client tried to declare itself
 * @param reason why it was refused
 * @param detail a sentence naming the offending input (escaped and shortened), safe to log and send
 * @param supported the server's supported versions
 */
public record Rejection(Handshake handshake, RejectReason reason, String detail, SupportedVersions supported)
    implements Negotiation {

  public Rejection {
    Objects.requireNonNull(handshake, "handshake");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(supported, "supported");
  }

  /**
   * The {@code hello_reject} JSON text frame, e.g. {@code
   * {"type":"hello_reject","reason":"unsupported_major","message":"...","supported":{"oldest":"1.0.0","current":"1.2.0"}}}.
   * For a query-parameter or subprotocol handshake a server may instead send it as the body of
   * an HTTP 400 response to the upgrade request.
   */
  @Override
  public String toJson() {
    return HandshakeJson.helloReject(this);
  }
}
