package dev.protoshift.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The control message announcing a live protocol change, always a text frame:
 * {@code {"type":"protocol_switch","protocol":"json","version":"1.1.0","reason":"kill_switch","from_tick":1235}}.
 * Every state of tick {@code from_tick} and later comes in {@code protocol}; every state before it
 * came in the previous protocol, and this message is between them on the wire.
 *
 * @param protocol the protocol states come in from now on
 * @param version the client's agreed version, absent for a client that declared none
 * @param reason why, a stable code: a rollout decision reason ({@code kill_switch}, {@code
 *     in_rollout}, ...) or {@code decode_errors}; a client must accept codes it does not know
 * @param fromTick the first tick sent in {@code protocol}
 */
public record ProtocolSwitch(Protocol protocol, Optional<ProtocolVersion> version, String reason, long fromTick) {

  /** {@code type} of the message. */
  public static final String TYPE = "protocol_switch";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** @throws NullPointerException if an argument is null */
  public ProtocolSwitch {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(reason, "reason");
  }

  /** The message as it goes on the wire. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", TYPE);
    node.put("protocol", protocol.code());
    version.ifPresent(v -> node.put("version", v.toString()));
    node.put("reason", reason);
    node.put("from_tick", fromTick);
    return node.toString();
  }

  /**
   * Reads a {@code protocol_switch} text frame, as a client does.
   *
   * @throws IllegalArgumentException naming the key if the text is not a valid {@code protocol_switch}
   */
  public static ProtocolSwitch parse(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a protocol_switch must be a JSON object");
    }
    if (!TYPE.equals(node.path("type").asText(null))) {
      throw new IllegalArgumentException("\"type\" must be \"" + TYPE + "\", was " + node.get("type"));
    }
    Protocol protocol = Protocol.fromCode(node.path("protocol").asText("")).orElseThrow(() ->
        new IllegalArgumentException("\"protocol\" must be \"json\" or \"protobuf\", was " + node.get("protocol")));
    Optional<ProtocolVersion> version = node.hasNonNull("version")
        ? Optional.of(ProtocolVersion.parse(node.get("version").asText())) : Optional.empty();
    JsonNode reason = node.get("reason");
    if (reason == null || !reason.isTextual() || reason.asText().isEmpty()) {
      throw new IllegalArgumentException("\"reason\" must be a non-empty string, was " + reason);
    }
    JsonNode from = node.get("from_tick");
    if (from == null || !from.canConvertToLong() || !from.isIntegralNumber() || from.asLong() < 0) {
      throw new IllegalArgumentException("\"from_tick\" must be a tick number, was " + from);
    }
    return new ProtocolSwitch(protocol, version, reason.asText(), from.asLong());
  }

  @Override
  public String toString() {
    return toJson();
  }
}
