package dev.protoshift.session.internal;

import java.util.ArrayDeque;

/**
 * Counts events (decode errors) in a sliding time window and says when more than {@code
 * limit} happened within it. Not thread-safe: fed from one connection's receive path.
 */
public final class ErrorWindow {

  private final int limit;
  private final long windowNanos;
  private final ArrayDeque<Long> times = new ArrayDeque<>();

  /**
   * @throws IllegalArgumentException naming the value if {@code limit} or the window is not positive
   */
  public ErrorWindow(int limit, long windowNanos) {
    if (limit < 1) {
      throw new IllegalArgumentException("error limit must be at least 1, was " + limit);
    }
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("error window must be positive, was " + windowNanos + " ns");
    }
    this.limit = limit;
    this.windowNanos = windowNanos;
  }

  /** Records one event at {@code nowNanos}; true if that makes more than {@code limit} within the window. */
  public boolean record(long nowNanos) {
    times.addLast(nowNanos);
    while (!times.isEmpty() && nowNanos - times.peekFirst() >= windowNanos) {
      times.pollFirst();
    }
    return times.size() > limit;
  }

  /** Forgets every event (after the connection was downgraded). */
  public void reset() {
    times.clear();
  }

  /** Events within the window as of the last {@link #record}. */
  public int count() {
    return times.size();
  }
}
