package dev.protoshift.session.internal;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A connection's bounded outbound queue: at most one write in flight, at most one state
 * waiting (the latest state wins), and a bounded number of control messages, all sent in
 * the order they were offered.
 *
 * <p>When a state is offered while an older one still waits, the older one is dropped and
 * counted: a slow client skips stale updates instead of stalling its room or growing the
 * server's memory. Control messages are never dropped; if more than {@code maxControlFrames}
 * pile up, {@link #offerControl} answers {@link Offer#OVERFLOW} and the caller closes the
 * connection.
 *
 * <p>"Behind" means: a state was offered while the previous write had not finished. {@link
 * #behindNanos} says for how long the queue has been behind without catching up once; the
 * connection closes a client that stays behind longer than its slow-consumer timeout.
 *
 * <p>Thread-safe: the room's tick thread offers, the transport's threads complete writes.
 */
public final class SendQueue {

  /** Where frames go: the WebSocket session, or a test double. */
  public interface Sink {
    /** Starts writing one frame; exactly one of the callback's methods is called once. */
    void write(OutboundFrame frame, WriteCallback callback);
  }

  /** Completion of one {@link Sink#write}. */
  public interface WriteCallback {
    void succeeded();

    void failed(Throwable cause);
  }

  /** What happened to an offered frame. */
  public enum Offer {
    /** Queued (or written at once). */
    QUEUED,
    /** Queued, and an older waiting state was dropped for it. */
    SUPERSEDED,
    /** Not queued: too many control messages are waiting. */
    OVERFLOW,
    /** Not queued: the queue is closed. */
    CLOSED
  }

  private final Sink sink;
  private final int maxControlFrames;
  private final LongSupplier nanoClock;
  private final ArrayDeque<OutboundFrame> waiting = new ArrayDeque<>();

  private OutboundFrame waitingState;
  private int waitingControl;
  private boolean inFlight;
  private boolean closed;
  private boolean draining;
  private Runnable whenDrained;
  private long behindSince = -1;
  private long dropped;
  private long sentFrames;
  private long sentBytes;

  /**
   * @throws IllegalArgumentException if {@code maxControlFrames} is not positive
   */
  public SendQueue(Sink sink, int maxControlFrames, LongSupplier nanoClock) {
    if (maxControlFrames < 1) {
      throw new IllegalArgumentException("maxControlFrames must be at least 1, was " + maxControlFrames);
    }
    this.sink = Objects.requireNonNull(sink, "sink");
    this.maxControlFrames = maxControlFrames;
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Offers a room state; an older state still waiting is dropped for it. */
  public Offer offerState(OutboundFrame frame) {
    if (frame.kind() != OutboundFrame.Kind.STATE) {
      throw new IllegalArgumentException("not a state frame: " + frame);
    }
    Offer offer;
    synchronized (this) {
      if (closed || draining) {
        return Offer.CLOSED;
      }
      if (inFlight || !waiting.isEmpty()) {
        if (behindSince < 0) {
          behindSince = nanoClock.getAsLong();
        }
      } else {
        behindSince = -1;
      }
      offer = Offer.QUEUED;
      if (waitingState != null) {
        waiting.remove(waitingState);
        dropped++;
        offer = Offer.SUPERSEDED;
      }
      waitingState = frame;
      waiting.add(frame);
    }
    pump();
    return offer;
  }

  /** Offers a control message; it is sent after everything offered before it. */
  public Offer offerControl(OutboundFrame frame) {
    if (frame.kind() != OutboundFrame.Kind.CONTROL) {
      throw new IllegalArgumentException("not a control frame: " + frame);
    }
    synchronized (this) {
      if (closed || draining) {
        return Offer.CLOSED;
      }
      if (waitingControl >= maxControlFrames) {
        return Offer.OVERFLOW;
      }
      waitingControl++;
      waiting.add(frame);
    }
    pump();
    return Offer.QUEUED;
  }

  /**
   * Stops taking frames and drops the state waiting, but sends the control messages already
   * waiting (e.g. a {@code hello_reject} before the close); then runs {@code then} once, on the
   * thread that completed the last write (or this one, if nothing is waiting). Later offers answer
   * {@link Offer#CLOSED}.
   */
  public void closeAfterControl(Runnable then) {
    Objects.requireNonNull(then, "then");
    synchronized (this) {
      if (closed || draining) {
        return;
      }
      draining = true;
      whenDrained = then;
      if (waitingState != null) {
        waiting.remove(waitingState);
        waitingState = null;
      }
    }
    pump();
  }

  /** Stops sending: waiting frames are discarded, later offers answer {@link Offer#CLOSED}. */
  public synchronized void close() {
    closed = true;
    whenDrained = null;
    waiting.clear();
    waitingState = null;
    waitingControl = 0;
  }

  /** How long the queue has been behind without catching up, 0 if it is not behind. */
  public synchronized long behindNanos() {
    return behindSince < 0 ? 0 : Math.max(0, nanoClock.getAsLong() - behindSince);
  }

  /** States dropped because a newer one replaced them before they were sent. */
  public synchronized long dropped() {
    return dropped;
  }

  public synchronized long sentFrames() {
    return sentFrames;
  }

  public synchronized long sentBytes() {
    return sentBytes;
  }

  /** Frames waiting (not counting the one in flight). */
  public synchronized int waiting() {
    return waiting.size();
  }

  private void pump() {
    OutboundFrame next;
    Runnable drained = null;
    synchronized (this) {
      if (!inFlight && waiting.isEmpty() && whenDrained != null) {
        drained = whenDrained;
        whenDrained = null;
      }
    }
    if (drained != null) {
      drained.run();
      return;
    }
    synchronized (this) {
      if (inFlight || closed || waiting.isEmpty()) {
        return;
      }
      next = waiting.poll();
      if (next == waitingState) {
        waitingState = null;
      } else {
        waitingControl--;
      }
      inFlight = true;
    }
    OutboundFrame frame = next;
    sink.write(frame, new WriteCallback() {
      @Override
      public void succeeded() {
        synchronized (SendQueue.this) {
          inFlight = false;
          sentFrames++;
          sentBytes += frame.size();
        }
        pump();
      }

      @Override
      public void failed(Throwable cause) {
        close(); // the transport reports the failure and closes the session
      }
    });
  }
}
