package dev.protoshift.session;

/**
 * What the game does with a message a client sent, decoded and upgraded to the newest
 * representation. Called on the transport's thread, one message of a connection at a time;
 * keep it quick (e.g. hand the input to the room). An exception it throws is logged and answered
 * with a {@code server_error} message, never closes the connection.
 *
 * @param <I> the game's inbound message type
 */
@FunctionalInterface
public interface InboundHandler<I> {
  void onMessage(Session session, I message);
}
