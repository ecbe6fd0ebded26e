package dev.protoshift.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.protoshift.versioning.HelloReply;
import java.io.IOException;
import java.util.Optional;

/**
 * The server's JSON control messages as a client reads them: {@code hello_ack} and {@code
 * hello_reject} (versioning's {@link HelloReply}) and {@code protocol_switch} ({@link
 * ProtocolSwitch}). Every control message is a text frame whose {@code type} is one of those;
 * game messages (states, errors) are not control messages, whatever their encoding.
 *
 * <pre>{@code
 * switch (ControlMessage.parse(text).orElse(null)) {
 *   case ControlMessage.Reply r -> onHandshake(r.reply());
 *   case ControlMessage.Switch s -> expectFrom(s.protocolSwitch().fromTick(), s.protocolSwitch().protocol());
 *   case null -> onGameText(text);
 * }
 * }</pre>
 */
public sealed interface ControlMessage permits ControlMessage.Reply, ControlMessage.Switch {

  /** A {@code hello_ack} or {@code hello_reject}. */
  record Reply(HelloReply reply) implements ControlMessage {}

  /** A {@code protocol_switch}. */
  record Switch(ProtocolSwitch protocolSwitch) implements ControlMessage {}

  /**
   * The {@code type} of a text frame if it is a control message's: {@code hello_ack}, {@code
   * hello_reject} or {@code protocol_switch}. Looks only at the top-level {@code type}; anything
   * else (a game message, text that is not JSON) is empty. Never throws.
   */
  static Optional<String> type(String text) {
    if (text == null || text.indexOf("\"type\"") < 0) {
      return Optional.empty();
    }
    try (JsonParser p = JsonText.FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("type")) {
          String type = value == JsonToken.VALUE_STRING ? p.getText() : null;
          return "hello_ack".equals(type) || "hello_reject".equals(type) || ProtocolSwitch.TYPE.equals(type)
              ? Optional.of(type) : Optional.empty();
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a control message.
   *
   * @return empty if the frame is not a control message
   * @throws IllegalArgumentException naming what is wrong if it claims a control type but is invalid
   */
  static Optional<ControlMessage> parse(String text) {
    return type(text).map(type -> ProtocolSwitch.TYPE.equals(type)
        ? new Switch(ProtocolSwitch.parse(text)) : new Reply(HelloReply.parse(text)));
  }
}
