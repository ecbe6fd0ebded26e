package dev.protoshift.session;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;

/**
 * Turns one frame a client sent into the game's inbound message: usually {@code
 * MessageCodec::decode} (parse in the frame's protocol, then upgrade with the chain), plus the
 * game's own checks (e.g. "an input, not a state").
 *
 * @param <I> the game's inbound message type
 */
@FunctionalInterface
public interface InboundDecoder<I> {

  /**
   * @param frame a binary frame's bytes, or a text frame's UTF-8 bytes
   * @param cohort the frame's protocol (binary: protobuf, text: JSON) and the client's view
   * @throws DecodeException if the frame is not a message the server accepts
   */
  I decode(byte[] frame, Cohort cohort) throws DecodeException;
}
