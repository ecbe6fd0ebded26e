package dev.protoshift.versioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.versioning.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's first-message handshake:
 * {@code {"type":"hello","protocol":"protobuf","version":"1.1.0","features":["dag","inventory","story"]}}.
 *
 * <p>{@code protocol} is required ({@code json} or {@code protobuf}); {@code version} is
 * required for protobuf and optional for JSON; {@code features} is optional (absent: every
 * feature of the agreed version; a list: the intersection with it). Unknown fields are ignored.
 *
 * @param protocol the protocol the client asks for
 * @param version the client's schema version
 * @param features the features the client asks for; empty means it did not send a list
 */
public record Hello(Protocol protocol, Optional<ProtocolVersion> version, Optional<List<String>> features) {

  /** Most features a hello may list. */
  public static final int MAX_FEATURES = 64;
  /** Longest feature name a hello may carry. */
  public static final int MAX_FEATURE_LENGTH = 64;

  public Hello {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(version, "version");
    features = features.map(List::copyOf);
    if (protocol == Protocol.PROTOBUF && version.isEmpty()) {
      throw new IllegalArgumentException("a protobuf hello needs a version");
    }
  }

  /** A protobuf hello that lists features. */
  public static Hello protobuf(ProtocolVersion version, List<String> features) {
    return new Hello(Protocol.PROTOBUF, Optional.of(version), Optional.of(features));
  }

  /**
   * Parses a hello frame. The caller bounds the frame's size first ({@link Negotiator} does).
   *
   * @throws IllegalArgumentException naming the field and value if the frame is not a valid hello
   *     ({@link InvalidVersionException}, a subclass, for a malformed version)
   */
  public static Hello parse(String frame) {
    ObjectNode o = HandshakeJson.readObject(frame);
    JsonNode type = o.get("type");
    if (type == null || !type.isTextual() || !type.textValue().equals("hello")) {
      throw new IllegalArgumentException("\"type\" must be \"hello\", was " + describe(type));
    }
    JsonNode p = o.get("protocol");
    Protocol protocol = p != null && p.isTextual() ? Protocol.fromCode(p.textValue()).orElse(null) : null;
    if (protocol == null) {
      throw new IllegalArgumentException("\"protocol\" must be \"json\" or \"protobuf\", was " + describe(p));
    }
    JsonNode v = o.get("version");
    Optional<ProtocolVersion> version = Optional.empty();
    if (v != null && !v.isNull()) {
      if (!v.isTextual()) {
        throw new IllegalArgumentException("\"version\" must be a string such as \"1.1.0\", was " + describe(v));
      }
      version = Optional.of(ProtocolVersion.parse(v.textValue()));
    } else if (protocol == Protocol.PROTOBUF) {
      throw new IllegalArgumentException("\"version\" is required with \"protocol\":\"protobuf\"");
    }
    return new Hello(protocol, version, features(o.get("features")));
  }

  private static Optional<List<String>> features(JsonNode f) {
    if (f == null || f.isNull()) {
      return Optional.empty();
    }
    if (!f.isArray()) {
      throw new IllegalArgumentException("\"features\" must be a list of strings, was " + describe(f));
    }
    if (f.size() > MAX_FEATURES) {
      throw new IllegalArgumentException("\"features\" may list at most " + MAX_FEATURES + ", listed " + f.size());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : f) {
      if (!e.isTextual() || e.textValue().isEmpty() || e.textValue().length() > MAX_FEATURE_LENGTH) {
        throw new IllegalArgumentException("\"features\" entries must be strings of 1 to " + MAX_FEATURE_LENGTH
            + " characters, one was " + describe(e));
      }
      out.add(e.textValue());
    }
    return Optional.of(out);
  }

  static String describe(JsonNode node) {
    if (node == null) {
      return "missing";
    }
    return node.isTextual() ? Text.quoted(node.textValue()) : Text.printable(node.toString());
  }

  /** This hello as the JSON text frame a client sends. */
  public String toJson() {
    ObjectNode out = HandshakeJson.newObject().put("type", "hello").put("protocol", protocol.code());
    version.ifPresent(v -> out.put("version", v.toString()));
    features.ifPresent(list -> {
      ArrayNode a = out.putArray("features");
      list.forEach(a::add);
    });
    return HandshakeJson.write(out);
  }
}
