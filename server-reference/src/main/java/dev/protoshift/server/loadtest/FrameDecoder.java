package dev.protoshift.server.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.View;
import dev.protoshift.convert.game.GameProtocol;
import dev.protoshift.convert.game.ServerMessage;

/**
 * Decodes what the server sends a load-test client, as a real client of the connection's view
 * would: binary frames are protobuf envelopes, text frames legacy JSON states or errors, or
 * the server's JSON control messages ({@code protocol_switch}, {@code hello_ack}, {@code
 * hello_reject}; docs/protocol.md). Game messages are decoded fully, into convert's domain
 * records, so the measured decode time is what a client pays.
 */
final class FrameDecoder {

  /** What a frame was. */
  sealed interface Frame {}

  /** A room state: its server timestamp (µs since the epoch) and tick. */
  record State(long nowMicros, long tick) implements Frame {}

  /** The server's error message for this client. */
  record Error(String code, String message) implements Frame {}

  /** {@code protocol_switch}: every state from {@code fromTick} on comes in {@code protocol}. */
  record Switch(String protocol, String version, String reason, long fromTick) implements Frame {}

  /** {@code hello_ack}: the agreed protocol and version (version {@code none} if absent). */
  record HelloAck(String protocol, String version, String reason) implements Frame {}

  /** {@code hello_reject}: the server refused the handshake. */
  record HelloReject(String reason, String message) implements Frame {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GameProtocol game;

  FrameDecoder(GameProtocol game) {
    this.game = game;
  }

  /**
   * Decodes a binary frame.
   *
   * @throws DecodeException if it is not a valid envelope with a state or error
   */
  Frame binary(byte[] frame, View view) throws DecodeException {
    return game(game.decodeBinaryServerMessage(frame, view));
  }

  /**
   * Decodes a text frame: a control message, or a legacy JSON state or error.
   *
   * @throws DecodeException if it is neither
   */
  Frame text(String frame, View view) throws DecodeException {
    Frame control = control(frame);
    if (control != null) {
      return control;
    }
    return game(game.decodeJsonServerMessage(frame, view));
  }

  private static Frame game(ServerMessage message) {
    if (message instanceof ServerMessage.State s) {
      return new State(s.now(), s.tick());
    }
    ServerMessage.Error e = (ServerMessage.Error) message;
    return new Error(e.code(), e.message());
  }

  /** A control message, or null if the frame is not one (a quick look at its type first). */
  private static Frame control(String frame) throws DecodeException {
    if (!(frame.contains("\"protocol_switch\"") || frame.contains("\"hello_ack\"") || frame.contains("\"hello_reject\""))) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(frame);
    } catch (java.io.IOException e) {
      throw DecodeException.malformed("control message is not JSON: " + e.getMessage(), e);
    }
    String type = node.path("type").asText("");
    return switch (type) {
      case "protocol_switch" -> new Switch(required(node, "protocol"), node.path("version").asText("none"),
          node.path("reason").asText(""), node.path("from_tick").asLong(-1));
      case "hello_ack" -> new HelloAck(required(node, "protocol"), node.path("version").asText("none"),
          node.path("reason").asText(""));
      case "hello_reject" -> new HelloReject(node.path("reason").asText(""), node.path("message").asText(""));
      default -> null;
    };
  }

  private static String required(JsonNode node, String field) throws DecodeException {
    String v = node.path(field).asText("");
    if (!(v.equals("json") || v.equals("protobuf"))) {
      throw DecodeException.invalidField(field, "must be json or protobuf, was \"" + v + "\"");
    }
    return v;
  }
}
