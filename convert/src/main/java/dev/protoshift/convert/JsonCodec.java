package dev.protoshift.convert;

import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;

/**
 * How messages travel as JSON text frames. protoshift's own implementation, {@link ProtoJson},
 * writes and reads any message from its descriptor with protobuf's JSON mapping and the options a
 * legacy server needs; a game whose JSON predates its schema implements this interface with its
 * hand-written codec (the reference game's golden-file codec is one).
 *
 * <p>Implementations must be thread-safe: one codec serves every connection.
 */
public interface JsonCodec {

  /**
   * Writes {@code message} as the JSON text of one frame, in UTF-8.
   *
   * @throws IllegalArgumentException if the message has no JSON form in this codec (e.g. a
   *     hand-written codec that knows only some message types)
   */
  byte[] write(MessageOrBuilder message);

  /**
   * Reads the UTF-8 JSON text of one frame into {@code builder} (an empty builder of the message
   * type expected).
   *
   * @throws DecodeException if the text is not JSON, not an object of that message, or a value is
   *     wrong; the message names the key (e.g. {@code snakes[2].body[0].x: expected a number, was "up"})
   */
  void read(byte[] utf8, Message.Builder builder) throws DecodeException;
}
