package dev.protoshift.server.jetty;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Chaos testing (the seed's {@code INJECT_PROTO_ERRORS}): corrupts a share of inbound binary
 * frames before they are decoded, so that the decode-error downgrade (and a guarded ramp's
 * rollback) can be seen working. Off unless a positive share is configured at start or through
 * the admin API, both of which the server refuses without an explicit permission and logs loudly.
 *
 * <p>A corrupted frame gets a byte sequence that is never a valid protobuf message: the first
 * byte becomes {@code 0xFF}, whose low three bits name wire type 7, which does not exist — so the corruption
 * always shows up as a decode error, never as a silently different input.
 */
public final class FaultInjector {

  private volatile double share;
  private volatile Instant firstCorruptedSinceSet;
  private final SplittableRandom random;

  /**
   * @throws IllegalArgumentException if {@code share} is not in [0, 1]
   */
  public FaultInjector(double share, long seed) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("fault injection share must be 0..1, was " + share);
    }
    this.share = share;
    this.random = new SplittableRandom(seed);
  }

  /** Injects nothing. */
  public static FaultInjector off() {
    return new FaultInjector(0, 0);
  }

  public boolean enabled() {
    return share > 0;
  }

  /** The share of inbound binary frames corrupted now. */
  public double share() {
    return share;
  }

  /**
   * Changes the share at runtime ({@code PUT /admin/fault-injection}); frames arriving after the
   * call see it.
   *
   * @throws IllegalArgumentException if {@code share} is not in [0, 1]
   */
  public void setShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("inject_proto_errors must be a share 0..1, was " + share);
    }
    this.share = share;
    this.firstCorruptedSinceSet = null;
  }

  /** When the first frame was corrupted after the last {@link #setShare}, if one was (chaos tests time from it). */
  public Optional<Instant> firstCorruptedSinceSet() {
    return Optional.ofNullable(firstCorruptedSinceSet);
  }

  /**
   * The frame to decode: {@code frame} itself, or (for the configured share) a corrupted copy.
   * Thread-safe.
   */
  public ByteBuffer maybeCorrupt(ByteBuffer frame) {
    double s = share;
    if (s == 0) {
      return frame;
    }
    double draw;
    synchronized (this) {
      draw = random.nextDouble();
    }
    if (draw >= s) {
      return frame;
    }
    if (firstCorruptedSinceSet == null) {
      firstCorruptedSinceSet = Instant.now();
    }
    ByteBuffer copy = ByteBuffer.allocate(Math.max(1, frame.remaining()));
    copy.put(frame.duplicate());
    copy.put(0, (byte) 0xFF);
    copy.rewind();
    return copy;
  }

  /** True if {@code maybeCorrupt} returned a corrupted copy rather than the original. */
  public static boolean corrupted(ByteBuffer original, ByteBuffer result) {
    return original != result;
  }
}
