package dev.protoshift.versioning;

import dev.protoshift.versioning.internal.Text;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A protoshift WebSocket subprotocol name (RFC 6455 {@code Sec-WebSocket-Protocol}):
 * {@code protoshift.<protocol>.v<MAJOR>.<MINOR>}, e.g. {@code protoshift.protobuf.v1.1} or
 * {@code protoshift.json.v1.1}. Names are case-sensitive. The name carries the client's schema
 * line, MAJOR.MINOR: patch releases never change the schema.
 *
 * @param protocol the protocol the name asks for
 * @param major the client's schema major
 * @param minor the client's schema minor
 */
public record Subprotocol(Protocol protocol, int major, int minor) {

  /** Every protoshift subprotocol name starts with this. */
  public static final String PREFIX = "protoshift.";

  private static final String NUMBER = "(0|[1-9][0-9]{0,8})";
  private static final Pattern NAME = Pattern.compile(
      Pattern.quote(PREFIX) + "([a-z0-9]+)\\.v" + NUMBER + "\\." + NUMBER);

  public Subprotocol {
    Objects.requireNonNull(protocol, "protocol");
    if (major < 0 || minor < 0 || major > ProtocolVersion.MAX_COMPONENT || minor > ProtocolVersion.MAX_COMPONENT) {
      throw new IllegalArgumentException("subprotocol version must be 0.." + ProtocolVersion.MAX_COMPONENT
          + ", was " + major + "." + minor);
    }
  }

  /** The subprotocol for speaking {@code protocol} to a client at {@code version}. */
  public static Subprotocol of(Protocol protocol, ProtocolVersion version) {
    return new Subprotocol(protocol, version.major(), version.minor());
  }

  /**
   * What a client at {@code version} offers, in order of preference: protobuf first, then JSON,
   * e.g. {@code [protoshift.protobuf.v1.1, protoshift.json.v1.1]}.
   */
  public static List<String> offersFor(ProtocolVersion version) {
    return List.of(of(Protocol.PROTOBUF, version).name(), of(Protocol.JSON, version).name());
  }

  /** True if the token starts with {@value #PREFIX}: it is protoshift's to interpret. */
  public static boolean isProtoshift(String token) {
    return token != null && token.startsWith(PREFIX);
  }

  /**
   * Parses a subprotocol name.
   *
   * @throws IllegalArgumentException naming the token if it is not {@code
   *     protoshift.<json|protobuf>.v<MAJOR>.<MINOR>}
   */
  public static Subprotocol parse(String token) {
    Matcher m = token == null ? null : NAME.matcher(token);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("subprotocol " + Text.quoted(token)
          + " is not protoshift.<json|protobuf>.v<MAJOR>.<MINOR>");
    }
    Protocol protocol = Protocol.fromCode(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
        "subprotocol " + Text.quoted(token) + " names an unknown protocol \"" + m.group(1)
            + "\", expected json or protobuf"));
    return new Subprotocol(protocol, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /**
   * True if the token has the shape of a protoshift name but an unknown protocol, e.g. {@code
   * protoshift.flatbuffers.v2.0}: a newer client's offer, which a server ignores.
   */
  static boolean isUnknownProtocol(String token) {
    Matcher m = NAME.matcher(token);
    return m.matches() && Protocol.fromCode(m.group(1)).isEmpty();
  }

  /** The wire name, e.g. {@code protoshift.protobuf.v1.1}. */
  public String name() {
    return PREFIX + protocol.code() + ".v" + major + "." + minor;
  }

  @Override
  public String toString() {
    return name();
  }
}
