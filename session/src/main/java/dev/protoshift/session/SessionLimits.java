package dev.protoshift.session;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every session of a server applies. {@link #DEFAULTS} are what the reference server
 * ships with (docs/protocol.md, "Limits and slow clients"); change one with a {@code with...}
 * method. Frame size limits are the transport's (e.g. Jetty's maximum message size).
 *
 * @param inboundRatePerSecond messages a client may send per second (token bucket refill)
 * @param inboundBurst messages a client may send at once (token bucket size)
 * @param inboundCloseAfterDrops messages dropped for the rate within 10 s after which the
 *     connection closes with {@link CloseCode#RATE_LIMITED}
 * @param decodeErrorLimit binary frames that fail to decode within {@code decodeErrorWindow}
 *     before a protobuf connection is switched to JSON ({@code decode_errors}); one more than this
 *     triggers it
 * @param decodeErrorWindow the sliding window of {@code decodeErrorLimit}
 * @param maxQueuedControlFrames control messages (acks, switches, errors) that may wait; one more
 *     closes the connection with {@link CloseCode#TOO_SLOW}
 * @param slowConsumerTimeout how long a connection may stay behind (a newer state arrives while the
 *     previous frame is still being written) before it is closed with {@link CloseCode#TOO_SLOW}
 * @param closeTimeout how long the close handshake may take before the connection is aborted
 */
public record SessionLimits(
    double inboundRatePerSecond,
    int inboundBurst,
    int inboundCloseAfterDrops,
    int decodeErrorLimit,
    Duration decodeErrorWindow,
    int maxQueuedControlFrames,
    Duration slowConsumerTimeout,
    Duration closeTimeout) {

  /** 30 messages/s with bursts of 60, 5 decode errors in 10 s, 32 control frames, 5 s behind, 2 s to close. */
  public static final SessionLimits DEFAULTS = new SessionLimits(30, 60, 300, 5, Duration.ofSeconds(10), 32,
      Duration.ofSeconds(5), Duration.ofSeconds(2));

  /** @throws IllegalArgumentException naming the limit and the value if one is not positive */
  public SessionLimits {
    if (!(inboundRatePerSecond > 0) || Double.isInfinite(inboundRatePerSecond)) {
      throw new IllegalArgumentException("inbound rate must be a positive number of messages per second, was "
          + inboundRatePerSecond);
    }
    positive(inboundBurst, "inbound burst");
    positive(inboundCloseAfterDrops, "inbound close-after-drops");
    positive(decodeErrorLimit, "decode error limit");
    positive(decodeErrorWindow, "decode error window");
    positive(maxQueuedControlFrames, "queued control frames");
    positive(slowConsumerTimeout, "slow consumer timeout");
    positive(closeTimeout, "close timeout");
  }

  public SessionLimits withInboundRate(double perSecond, int burst) {
    return new SessionLimits(perSecond, burst, inboundCloseAfterDrops, decodeErrorLimit, decodeErrorWindow,
        maxQueuedControlFrames, slowConsumerTimeout, closeTimeout);
  }

  public SessionLimits withInboundCloseAfterDrops(int drops) {
    return new SessionLimits(inboundRatePerSecond, inboundBurst, drops, decodeErrorLimit, decodeErrorWindow,
        maxQueuedControlFrames, slowConsumerTimeout, closeTimeout);
  }

  public SessionLimits withDecodeErrors(int limit, Duration window) {
    return new SessionLimits(inboundRatePerSecond, inboundBurst, inboundCloseAfterDrops, limit, window,
        maxQueuedControlFrames, slowConsumerTimeout, closeTimeout);
  }

  public SessionLimits withMaxQueuedControlFrames(int frames) {
    return new SessionLimits(inboundRatePerSecond, inboundBurst, inboundCloseAfterDrops, decodeErrorLimit,
        decodeErrorWindow, frames, slowConsumerTimeout, closeTimeout);
  }

  public SessionLimits withSlowConsumerTimeout(Duration timeout) {
    return new SessionLimits(inboundRatePerSecond, inboundBurst, inboundCloseAfterDrops, decodeErrorLimit,
        decodeErrorWindow, maxQueuedControlFrames, timeout, closeTimeout);
  }

  public SessionLimits withCloseTimeout(Duration timeout) {
    return new SessionLimits(inboundRatePerSecond, inboundBurst, inboundCloseAfterDrops, decodeErrorLimit,
        decodeErrorWindow, maxQueuedControlFrames, slowConsumerTimeout, timeout);
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
