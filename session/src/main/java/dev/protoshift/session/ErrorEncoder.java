package dev.protoshift.session;

import dev.protoshift.convert.Cohort;

/**
 * Encodes an error message in the game's schema for one client: e.g. {@code (code, message,
 * cohort) -> codec.encode(Envelope.newBuilder().setError(...), cohort)}. The session sends it
 * in the client's protocol when a frame does not decode, in order with the states.
 */
@FunctionalInterface
public interface ErrorEncoder {

  /**
   * @param code a stable code, e.g. {@code bad_frame}, {@code invalid_field}, {@code rate_limited}
   * @param message what was wrong, naming the key or value
   * @return a binary frame's payload for a protobuf cohort, a text frame's UTF-8 bytes for JSON
   */
  byte[] encode(String code, String message, Cohort cohort);
}
