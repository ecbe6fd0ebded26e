package dev.protoshift.server.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolVersion;
import java.util.Optional;

/**
 * The server's own JSON control messages (docs/protocol.md), always sent as text frames, in
 * order with the state frames around them. The handshake answers ({@code hello_ack}, {@code
 * hello_reject}) come from versioning.
 */
public final class ControlMessages {

  /** {@code type} of the message announcing a live protocol change. */
  public static final String PROTOCOL_SWITCH = "protocol_switch";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ControlMessages() {}

  /**
   * {@code {"type":"protocol_switch","protocol":"json","version":"1.1.0","reason":"kill_switch","from_tick":1235}}:
   * every state from {@code from_tick} on comes in {@code protocol}; the one before it came in
   * the previous protocol. {@code version} is absent for a client that declared none.
   */
  public static String protocolSwitch(Protocol protocol, Optional<ProtocolVersion> version, String reason, long fromTick) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", PROTOCOL_SWITCH);
    node.put("protocol", protocol.code());
    version.ifPresent(v -> node.put("version", v.toString()));
    node.put("reason", reason);
    node.put("from_tick", fromTick);
    return node.toString();
  }
}
