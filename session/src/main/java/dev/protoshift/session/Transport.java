package dev.protoshift.session;

import java.nio.ByteBuffer;

/**
 * One WebSocket connection as the session library sees it: what a game server implements over
 * its own WebSocket API (Jetty, Netty, Undertow, ...) in a few lines. The session calls it from
 * the room's tick thread and the transport's own threads, but never two sends at once: at most
 * one frame is in flight, and the next is sent when the previous one's callback has run.
 */
public interface Transport {

  /** Completion of one send; exactly one method is called, once, on any thread. */
  interface SendCallback {
    void succeeded();

    void failed(Throwable cause);
  }

  /**
   * Starts sending one binary frame. Must not block; must not modify the buffer's content (its
   * bytes may be shared by every member of a cohort).
   */
  void sendBinary(ByteBuffer payload, SendCallback done);

  /** Starts sending one text frame. Must not block. */
  void sendText(String text, SendCallback done);

  /**
   * Starts the close handshake with {@code code} and {@code reason} (at most 123 bytes of UTF-8,
   * see {@link CloseCode#reason}), after the frames already sent. Must not block. The session calls
   * it once.
   */
  void close(int code, String reason);

  /**
   * Drops the connection without waiting for the close handshake (the peer did not answer it in
   * time, e.g. a client that stopped reading). Must not block; may be called after {@link #close}.
   */
  void abort();
}
