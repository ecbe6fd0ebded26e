package dev.protoshift.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The WebSocket close codes the reference server sends, with the stable name each one has in
 * docs/protocol.md. Codes 1000–1015 are RFC 6455's; 4000–4099 are protoshift's own (the
 * private-use range 4000–4999).
 *
 * <p>A client decides from the code whether to reconnect: {@link #reconnect()} is true for
 * the codes after which reconnecting (with backoff) can succeed.
 */
public enum CloseCode {
  /** The client or the server ended the session normally. */
  NORMAL(1000, "normal", false),
  /** The server stops without a drain (after the drain deadline passed). */
  GOING_AWAY(1001, "going_away", true),
  /** A frame the server cannot accept at all (e.g. a text frame that is not UTF-8). */
  BAD_DATA(1007, "bad_data", false),
  /** Inbound frame larger than the server's limit (Jetty sends it itself). */
  MESSAGE_TOO_BIG(1009, "message_too_big", false),
  /** An unexpected server error; the log has the details. */
  SERVER_ERROR(1011, "server_error", true),
  /** The server is restarting (graceful drain): reconnect, after the hinted delay. */
  SERVICE_RESTART(1012, "service_restart", true),
  /** The server is full (connections or rooms): reconnect later. */
  TRY_AGAIN_LATER(1013, "try_again_later", true),
  /** The handshake was malformed: a bad hello frame, version string or room. */
  HANDSHAKE_INVALID(4000, "handshake_invalid", false),
  /** A hello arrived too late or not as the first frame. */
  HANDSHAKE_TIMEOUT(4001, "handshake_timeout", false),
  /** The client's protocol version is outside the server's supported range. */
  VERSION_UNSUPPORTED(4002, "version_unsupported", false),
  /** The client kept sending faster than its rate limit. */
  RATE_LIMITED(4003, "rate_limited", true),
  /** The client read too slowly for too long: its send queue stayed behind. */
  TOO_SLOW(4004, "too_slow", true);

  /** RFC 6455 caps a close reason at 123 bytes of UTF-8. */
  public static final int MAX_REASON_BYTES = 123;

  private final int code;
  private final String label;
  private final boolean reconnect;

  CloseCode(int code, String label, boolean reconnect) {
    this.code = code;
    this.label = label;
    this.reconnect = reconnect;
  }

  /** The numeric code on the wire. */
  public int code() {
    return code;
  }

  /** The stable name, used in docs, logs and metric tags. */
  public String label() {
    return label;
  }

  /** True if reconnecting after this code can succeed. */
  public boolean reconnect() {
    return reconnect;
  }

  /** The enum constant for a wire code, if it is one of ours. */
  public static Optional<CloseCode> of(int code) {
    return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
  }

  /**
   * A close reason cut to {@value #MAX_REASON_BYTES} bytes of UTF-8 without splitting a
   * character; {@code null} becomes empty.
   */
  public static String reason(String text) {
    if (text == null) {
      return "";
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_REASON_BYTES) {
      return text;
    }
    int end = MAX_REASON_BYTES;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--; // do not cut inside a multi-byte character
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
