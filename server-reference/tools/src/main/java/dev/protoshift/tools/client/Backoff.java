package dev.protoshift.tools.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential with full jitter (AWS architecture blog, "Exponential Backoff
 * and Jitter"): attempt n waits a uniform random time in [0, min(max, initial × 2^n)], so a
 * crowd of clients that lost the same server does not come back in lockstep.
 *
 * @param initial the cap of the first retry's delay
 * @param max the largest delay
 * @param maxAttempts retries before giving up; 0 retries forever
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

  /** 100 ms doubling up to 10 s, forever. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0);

  /** Never reconnect. */
  public static final Backoff NONE = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), -1);

  /**
   * @throws IllegalArgumentException naming the bad value
   */
  public Backoff {
    if (initial == null || initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive, was " + initial);
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff must be at least the initial " + initial + ", was " + max);
    }
    if (maxAttempts < -1) {
      throw new IllegalArgumentException("max attempts must be -1 (never), 0 (forever) or positive, was " + maxAttempts);
    }
  }

  /** True if retry number {@code attempt} (1 for the first) may happen. */
  public boolean allows(int attempt) {
    return maxAttempts == 0 || attempt <= maxAttempts;
  }

  /** The delay before retry number {@code attempt} (1 for the first). */
  public Duration delay(int attempt, RandomGenerator random) {
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long capMillis = Math.min(max.toMillis(), initial.toMillis() << shift);
    return Duration.ofMillis(random.nextLong(capMillis + 1));
  }
}
