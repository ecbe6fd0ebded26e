package dev.protoshift.versioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's answer to a handshake as a client reads it: a {@code hello_ack} ({@link Ack}) or
 * a {@code hello_reject} ({@link Reject}). Codes the client does not know (a newer server's
 * reasons) are kept as strings, not rejected.
 */
public sealed interface HelloReply permits HelloReply.Ack, HelloReply.Reject {

  /**
   * Parses a server's reply.
   *
   * @throws IllegalArgumentException naming what is wrong if it is neither a valid {@code hello_ack}
   *     nor a valid {@code hello_reject}
   */
  static HelloReply parse(String frame) {
    ObjectNode o = HandshakeJson.readObject(frame);
    String type = text(o, "type");
    if (type.equals("hello_ack")) {
      Protocol protocol = Protocol.fromCode(text(o, "protocol")).orElseThrow(() ->
          new IllegalArgumentException("\"protocol\" must be \"json\" or \"protobuf\", was " + Hello.describe(o.get("protocol"))));
      Optional<ProtocolVersion> version = o.hasNonNull("version")
          ? Optional.of(ProtocolVersion.parse(text(o, "version"))) : Optional.empty();
      List<String> features = new ArrayList<>();
      JsonNode f = o.get("features");
      if (f != null && f.isArray()) {
        f.forEach(e -> features.add(e.asText()));
      }
      return new Ack(protocol, version, features, o.hasNonNull("reason") ? text(o, "reason") : "");
    }
    if (type.equals("hello_reject")) {
      JsonNode s = o.get("supported");
      if (s == null || !s.isObject()) {
        throw new IllegalArgumentException("\"supported\" must be an object, was " + Hello.describe(s));
      }
      return new Reject(text(o, "reason"), o.hasNonNull("message") ? text(o, "message") : "",
          SupportedVersions.between(text((ObjectNode) s, "oldest"), text((ObjectNode) s, "current")));
    }
    throw new IllegalArgumentException("\"type\" must be \"hello_ack\" or \"hello_reject\", was " + Hello.describe(o.get("type")));
  }

  private static String text(ObjectNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string, was " + Hello.describe(n));
    }
    return n.textValue();
  }

  /**
   * The server agreed.
   *
   * @param protocol the protocol the server will use from now on
   * @param version the agreed schema version, empty for a legacy JSON agreement
   * @param features the agreed features
   * @param reason the rollout reason code, e.g. {@code in_rollout}
   */
  record Ack(Protocol protocol, Optional<ProtocolVersion> version, List<String> features, String reason)
      implements HelloReply {
    public Ack {
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(version, "version");
      features = List.copyOf(features);
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The server refused.
   *
   * @param reason the reject reason code, e.g. {@code unsupported_major}
   * @param message the server's explanation
   * @param supported the versions the server supports
   */
  record Reject(String reason, String message, SupportedVersions supported) implements HelloReply {
    public Reject {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(supported, "supported");
    }
  }
}
