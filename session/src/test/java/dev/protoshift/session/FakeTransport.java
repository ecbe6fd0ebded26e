package dev.protoshift.session;

import dev.protoshift.versioning.Protocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A transport that records what the session sends, as a client would see it, and completes
 * writes at once (a fast client) or only when told (a client that stopped reading).
 */
final class FakeTransport implements Transport {

  /** One frame as it went out. */
  record Frame(boolean binary, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The state's tick, or -1 for anything else (a control message, an error). */
    long tick() {
      return binary || !text().startsWith("{") ? Pong.tickOf(payload, binary) : -1;
    }

    Optional<ProtocolSwitch> protocolSwitch() {
      return !binary && text().contains("\"protocol_switch\"") ? Optional.of(ProtocolSwitch.parse(text())) : Optional.empty();
    }

    Protocol protocol() {
      return binary ? Protocol.PROTOBUF : Protocol.JSON;
    }
  }

  final List<Frame> frames = new ArrayList<>();
  final List<SendCallback> pending = new ArrayList<>();
  volatile boolean reading = true;
  volatile Integer closeCode;
  volatile String closeReason;
  volatile boolean aborted;

  @Override
  public synchronized void sendBinary(ByteBuffer payload, SendCallback done) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    record(new Frame(true, bytes), done);
  }

  @Override
  public synchronized void sendText(String text, SendCallback done) {
    record(new Frame(false, text.getBytes(StandardCharsets.UTF_8)), done);
  }

  private void record(Frame frame, SendCallback done) {
    frames.add(frame);
    if (reading) {
      done.succeeded();
    } else {
      pending.add(done);
    }
  }

  @Override
  public synchronized void close(int code, String reason) {
    closeCode = code;
    closeReason = reason;
  }

  @Override
  public void abort() {
    aborted = true;
  }

  synchronized List<Frame> frames() {
    return List.copyOf(frames);
  }

  /** Every text frame. */
  synchronized List<String> texts() {
    return frames.stream().filter(f -> !f.binary()).map(Frame::text).toList();
  }

  /** The ticks of the states received, in order. */
  synchronized List<Long> ticks() {
    return frames.stream().map(Frame::tick).filter(t -> t >= 0).toList();
  }
}
