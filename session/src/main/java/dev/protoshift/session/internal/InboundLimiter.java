package dev.protoshift.session.internal;

/**
 * A connection's inbound rate limit: a token bucket ({@code ratePerSecond} refill, {@code
 * burst} capacity) decides whether a message is accepted; a message over the limit is dropped.
 * A client that keeps pushing, more than {@code closeAfterDrops} dropped messages within one
 * {@code window}, is to be closed.
 *
 * <p>Not thread-safe: Jetty delivers one connection's frames one at a time (demand-driven).
 */
public final class InboundLimiter {

  /** What to do with one inbound message. */
  public enum Verdict {
    ACCEPT,
    DROP,
    CLOSE
  }

  private final double tokensPerNano;
  private final double burst;
  private final int closeAfterDrops;
  private final long windowNanos;

  private double tokens;
  private long lastRefill;
  private long windowStart;
  private int dropsInWindow;

  /**
   * @throws IllegalArgumentException naming the bad value if a limit is not positive
   */
  public InboundLimiter(double ratePerSecond, int burst, int closeAfterDrops, long windowNanos, long nowNanos) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("inbound rate must be a positive number of messages per second, was " + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("inbound burst must be at least 1, was " + burst);
    }
    if (closeAfterDrops < 1) {
      throw new IllegalArgumentException("closeAfterDrops must be at least 1, was " + closeAfterDrops);
    }
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("window must be positive, was " + windowNanos + " ns");
    }
    this.tokensPerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.closeAfterDrops = closeAfterDrops;
    this.windowNanos = windowNanos;
    this.tokens = burst;
    this.lastRefill = nowNanos;
    this.windowStart = nowNanos;
  }

  /** Takes one message at {@code nowNanos} ({@link System#nanoTime()} scale). */
  public Verdict check(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastRefill);
    tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
    lastRefill = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return Verdict.ACCEPT;
    }
    if (nowNanos - windowStart >= windowNanos) {
      windowStart = nowNanos;
      dropsInWindow = 0;
    }
    dropsInWindow++;
    return dropsInWindow > closeAfterDrops ? Verdict.CLOSE : Verdict.DROP;
  }
}
