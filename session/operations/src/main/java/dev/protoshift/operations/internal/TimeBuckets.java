package dev.protoshift.operations.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Sums of counts per key in fixed-width time buckets, kept for a retention period: what a window
 * such as "the last hour" is summed from. Each key carries a fixed number of counts ({@code
 * width}). A window is rounded outwards to whole buckets. Thread-safe (every method is
 * synchronized; callers add once per sample, not per message).
 *
 * @param <K> the key, e.g. a connection's protocol, reason and client version
 */
public final class TimeBuckets<K> {

  private final long resolutionMillis;
  private final long retentionMillis;
  private final int width;
  private final ArrayDeque<Bucket<K>> buckets = new ArrayDeque<>();

  private static final class Bucket<K> {
    final long start;
    final Map<K, long[]> counts = new HashMap<>();

    Bucket(long start) {
      this.start = start;
    }
  }

  /**
   * @param resolutionMillis the width of a bucket
   * @param retentionMillis how long a bucket is kept after it started
   * @param width the number of counts per key
   * @throws IllegalArgumentException if a value is not positive, or the retention is shorter than a bucket
   */
  public TimeBuckets(long resolutionMillis, long retentionMillis, int width) {
    if (resolutionMillis <= 0 || width <= 0 || retentionMillis < resolutionMillis) {
      throw new IllegalArgumentException("resolution (" + resolutionMillis + " ms) and width (" + width
          + ") must be positive and the retention (" + retentionMillis + " ms) at least the resolution");
    }
    this.resolutionMillis = resolutionMillis;
    this.retentionMillis = retentionMillis;
    this.width = width;
  }

  /**
   * Adds {@code amounts} to the counts of {@code key} in the bucket of {@code atMillis}, and drops
   * buckets older than the retention.
   *
   * @throws IllegalArgumentException if {@code amounts} has not {@code width} elements
   */
  public synchronized void add(long atMillis, K key, long... amounts) {
    if (amounts.length != width) {
      throw new IllegalArgumentException("expected " + width + " amounts, got " + amounts.length);
    }
    long start = Math.floorDiv(atMillis, resolutionMillis) * resolutionMillis;
    Bucket<K> last = buckets.peekLast();
    if (last == null || last.start < start) {
      last = new Bucket<>(start);
      buckets.addLast(last);
    } else if (last.start > start) {
      // a clock that stepped back: count it in the newest bucket rather than lose it
      start = last.start;
    }
    long[] counts = last.counts.computeIfAbsent(key, k -> new long[width]);
    for (int i = 0; i < width; i++) {
      counts[i] += amounts[i];
    }
    expire(atMillis);
  }

  /**
   * The counts per key of every bucket that overlaps {@code [fromMillis, toMillis]}.
   *
   * @return a new map the caller owns; empty if nothing was counted in the window
   */
  public synchronized Map<K, long[]> sum(long fromMillis, long toMillis) {
    long firstStart = Math.floorDiv(fromMillis, resolutionMillis) * resolutionMillis;
    Map<K, long[]> out = new HashMap<>();
    for (Bucket<K> b : buckets) {
      if (b.start < firstStart || b.start > toMillis) {
        continue;
      }
      b.counts.forEach((key, counts) -> {
        long[] into = out.computeIfAbsent(key, k -> new long[width]);
        for (int i = 0; i < width; i++) {
          into[i] += counts[i];
        }
      });
    }
    return out;
  }

  /** The start of the oldest bucket kept, or {@code Long.MAX_VALUE} if none. */
  public synchronized long oldestMillis() {
    Bucket<K> first = buckets.peekFirst();
    return first == null ? Long.MAX_VALUE : first.start;
  }

  public long resolutionMillis() {
    return resolutionMillis;
  }

  public long retentionMillis() {
    return retentionMillis;
  }

  private void expire(long nowMillis) {
    for (Iterator<Bucket<K>> it = buckets.iterator(); it.hasNext(); ) {
      if (it.next().start + resolutionMillis + retentionMillis <= nowMillis) {
        it.remove();
      } else {
        return;
      }
    }
  }

  @Override
  public synchronized String toString() {
    return "TimeBuckets[" + buckets.size() + " buckets of " + resolutionMillis + " ms]";
  }
}
