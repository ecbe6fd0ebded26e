package dev.protoshift.session.internal;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One WebSocket frame waiting to be sent: a text or a binary payload, and whether it is a
 * room state (which a newer state may replace) or a control message (never replaced or
 * dropped).
 *
 * <p>Binary payloads are shared between the connections of a cohort: the queue hands each
 * write a {@linkplain ByteBuffer#duplicate() duplicate}, never the buffer itself.
 */
public final class OutboundFrame {

  /** What a frame carries, which decides how the send queue treats it. */
  public enum Kind {
    /** A room state at one tick: a newer state supersedes it while it waits. */
    STATE,
    /** A handshake answer, protocol switch or error: kept in order, never dropped. */
    CONTROL
  }

  private final Kind kind;
  private final String text;
  private final ByteBuffer binary;
  private final long tick;

  private OutboundFrame(Kind kind, String text, ByteBuffer binary, long tick) {
    this.kind = kind;
    this.text = text;
    this.binary = binary == null ? null : binary.asReadOnlyBuffer();
    this.tick = tick;
  }

  /** A state frame for {@code tick}, sent as text. */
  public static OutboundFrame textState(long tick, String text) {
    return new OutboundFrame(Kind.STATE, Objects.requireNonNull(text, "text"), null, tick);
  }

  /** A state frame for {@code tick}, sent as binary. */
  public static OutboundFrame binaryState(long tick, ByteBuffer bytes) {
    return new OutboundFrame(Kind.STATE, null, Objects.requireNonNull(bytes, "bytes"), tick);
  }

  /** A control message sent as text (JSON). */
  public static OutboundFrame control(String json) {
    return new OutboundFrame(Kind.CONTROL, Objects.requireNonNull(json, "json"), null, -1);
  }

  /** A control message sent as binary (a protobuf error envelope). */
  public static OutboundFrame control(ByteBuffer bytes) {
    return new OutboundFrame(Kind.CONTROL, null, Objects.requireNonNull(bytes, "bytes"), -1);
  }

  public Kind kind() {
    return kind;
  }

  public boolean isBinary() {
    return binary != null;
  }

  /** The text payload; only for text frames. */
  public String text() {
    if (text == null) {
      throw new IllegalStateException("a binary frame has no text");
    }
    return text;
  }

  /** A fresh read-only view of the binary payload; only for binary frames. */
  public ByteBuffer binary() {
    if (binary == null) {
      throw new IllegalStateException("a text frame has no binary payload");
    }
    return binary.duplicate();
  }

  /** The room tick of a state frame, -1 for control messages. */
  public long tick() {
    return tick;
  }

  /** The payload size in bytes (UTF-8 length for text). */
  public int size() {
    return binary != null ? binary.remaining() : Utf8.length(text);
  }

  @Override
  public String toString() {
    return kind + (isBinary() ? " binary " : " text ") + size() + " bytes" + (tick >= 0 ? " tick " + tick : "");
  }
}
