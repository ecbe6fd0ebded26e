package dev.protoshift.tools.client;

/**
 * Checks a stream of room ticks for lost and repeated updates. Ticks should rise by one; a
 * jump of k counts k − 1 gaps, a tick at or below the last one counts a repeat. {@link
 * #restart} forgets the last tick (after a reconnect, where a jump is expected).
 *
 * <p>Not thread-safe: fed from one connection's receive path.
 */
public final class SequenceTracker {

  private long last = -1;
  private long received;
  private long gaps;
  private long repeats;

  /** Records one received tick. */
  public void observe(long tick) {
    received++;
    if (last >= 0) {
      if (tick <= last) {
        repeats++;
        return;
      }
      gaps += tick - last - 1;
    }
    last = tick;
  }

  /** Starts a new stream: the next tick is not compared with the last one. */
  public void restart() {
    last = -1;
  }

  public long last() {
    return last;
  }

  public long received() {
    return received;
  }

  /** Ticks missing between consecutive received ones. */
  public long gaps() {
    return gaps;
  }

  /** Ticks received that were not newer than the last one. */
  public long repeats() {
    return repeats;
  }
}
