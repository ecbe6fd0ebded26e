package dev.protoshift.session;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.session.internal.ErrorWindow;
import dev.protoshift.session.internal.InboundLimiter;
import dev.protoshift.session.internal.OutboundFrame;
import dev.protoshift.session.internal.SendQueue;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.Handshake;
import dev.protoshift.versioning.Negotiation;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.RejectReason;
import dev.protoshift.versioning.Rejection;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's protocol life: its agreement (negotiated at upgrade or by a hello), the
 * protocol states go out in and why, its send queue, its inbound limits and decode-error budget,
 * and its close. Created by {@link Upgrade#open}; the game server feeds it its transport's events
 * ({@link #onText}, {@link #onBinary}, {@link #onClosed}) and seats it in a {@link RoomFanout}.
 *
 * <p>Threads: the transport calls the {@code on...} methods one at a time per connection (as
 * Jetty and Netty do); everything else may be called from any thread. A protocol change (a hello,
 * a config change, the decode-error budget) of a session in a room is applied by the room at the
 * start of its next {@link RoomFanout#broadcast}: its control message goes out after the last
 * state in the old protocol and before the first in the new one, and every member of the room
 * that a config change moves switches at the same tick.
 */
public final class Session {

  private static final System.Logger LOG = System.getLogger(Session.class.getName());

  private final Sessions<?> owner;
  private final ConnectionIds ids;
  private final Transport transport;
  private final SendQueue queue;
  private final InboundLimiter limiter;
  private final ErrorWindow decodeErrors;
  private final long openedNanos;
  private final Object lock = new Object();
  private final SessionState state;
  private volatile Object attachment;
  // guarded by lock
  private boolean firstText = true;
  private boolean helloAccepted;
  private RoomFanout<?> fanout;
  private String recipientId;
  private boolean closing;
  private int closeCodeSent;
  private boolean closed;
  private ScheduledFuture<?> abortTimer;

  Session(Sessions<?> owner, ConnectionIds ids, Negotiation negotiation, Transport transport) {
    this.owner = owner;
    this.ids = ids;
    this.transport = transport;
    SessionLimits limits = owner.limits();
    this.openedNanos = owner.nanoTime();
    this.queue = new SendQueue(this::write, limits.maxQueuedControlFrames(), owner::nanoTime);
    this.limiter = new InboundLimiter(limits.inboundRatePerSecond(), limits.inboundBurst(),
        limits.inboundCloseAfterDrops(), TimeUnit.SECONDS.toNanos(10), openedNanos);
    this.decodeErrors = new ErrorWindow(limits.decodeErrorLimit(), limits.decodeErrorWindow().toNanos());
    this.state = new SessionState(owner, ids, negotiation instanceof Agreement a ? a : null);
  }

  /** Who the connection is. */
  public ConnectionIds ids() {
    return ids;
  }

  /** The agreement in force: empty if the handshake was refused (the session is closing). */
  public Optional<Agreement> agreement() {
    synchronized (lock) {
      return Optional.ofNullable(state.agreement());
    }
  }

  /** The cohort states go out in now: the agreement's protocol (after the rollout) and view. */
  public Cohort cohort() {
    synchronized (lock) {
      return state.cohort();
    }
  }

  /** The protocol states go out in now ({@link Protocol#JSON} for a refused handshake). */
  public Protocol protocol() {
    return cohort().protocol();
  }

  /** Why the session has its protocol: a {@code DecisionReason} code, or {@code rejected}. */
  public String reason() {
    synchronized (lock) {
      return state.reason();
    }
  }

  /** The game's id of this session in its room (e.g. its player's entity), if it is seated. */
  public Optional<String> recipientId() {
    synchronized (lock) {
      return Optional.ofNullable(recipientId);
    }
  }

  /** The game's own object for this connection (e.g. its player), if it set one. */
  public Object attachment() {
    return attachment;
  }

  /** Keeps the game's own object for this connection. */
  public void attach(Object attachment) {
    this.attachment = attachment;
  }

  /** True until the session starts closing. */
  public boolean isOpen() {
    synchronized (lock) {
      return !closing;
    }
  }

  /** Frames and bytes sent, states dropped for slowness (latest state wins), frames waiting. */
  public SessionStats stats() {
    return new SessionStats(queue.sentFrames(), queue.sentBytes(), queue.dropped(), queue.waiting());
  }

  /**
   * Sends one message of the game's own (not the room's state) to this client, encoded for the
   * cohort in force when it is queued: in order with the states, never dropped.
   *
   * @param encoder encodes the message for a cohort (e.g. {@code c -> codec.encode(chat, c)})
   * @return false if the session is closing
   */
  public boolean send(java.util.function.Function<Cohort, byte[]> encoder) {
    synchronized (lock) {
      if (closing) {
        return false;
      }
      Cohort c = state.cohort();
      byte[] bytes = encoder.apply(c);
      return offerControl(c.protocol().isBinary() ? OutboundFrame.control(ByteBuffer.wrap(bytes))
          : OutboundFrame.control(new String(bytes, StandardCharsets.UTF_8)));
    }
  }

  /**
   * Closes the connection with {@code code} after the control messages already queued; if the
   * close handshake does not finish within the limits' close timeout, the connection is aborted.
   * Idempotent: only the first close counts.
   */
  public void close(CloseCode code, String reason) {
    synchronized (lock) {
      if (closing) {
        return;
      }
      closing = true;
      closeCodeSent = code.code();
      abortTimer = owner.schedule(this::abortIfNotClosed, owner.limits().closeTimeout());
    }
    String text = CloseCode.reason(reason);
    queue.closeAfterControl(() -> transport.close(code.code(), text));
  }

  // ---- transport events -----------------------------------------------------------------------

  /** A text frame arrived: a hello, or a JSON client's message. */
  public void onText(String text) {
    if (!admit()) {
      return;
    }
    boolean first;
    synchronized (lock) {
      first = firstText;
      firstText = false;
    }
    if (owner.negotiator().isHello(text)) {
      onHello(text, first);
      return;
    }
    inbound(text.getBytes(StandardCharsets.UTF_8), Protocol.JSON);
  }

  /** A binary frame arrived: a protobuf client's message. The buffer is read during the call only. */
  public void onBinary(ByteBuffer payload) {
    if (!admit()) {
      return;
    }
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    inbound(bytes, Protocol.PROTOBUF);
  }

  /**
   * The connection ended (the close handshake finished, or the transport dropped it). Frees
   * everything the session holds; idempotent.
   */
  public void onClosed(int code, String reason) {
    RoomFanout<?> room;
    int counted;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      closing = true;
      counted = closeCodeSent != 0 ? closeCodeSent : code;
      room = fanout;
      if (abortTimer != null) {
        abortTimer.cancel(false);
      }
      state.leaveGauge();
    }
    queue.close();
    if (room != null) {
      room.remove(this);
    }
    owner.closed(this, counted);
    LOG.log(Level.DEBUG, () -> ids + " closed " + counted + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
  }

  /** The transport reported an error; the connection's close follows through {@link #onClosed}. */
  public void onError(Throwable cause) {
    LOG.log(Level.DEBUG, () -> ids + " transport error: " + cause);
  }

  // ---- inside the library ---------------------------------------------------------------------

  /** Starts the session: sends the refusal of a refused handshake, or enters the gauges. */
  void start(Negotiation negotiation) {
    if (negotiation instanceof Rejection r) {
      refuse(r);
    } else if (owner.draining()) {
      close(CloseCode.SERVICE_RESTART, owner.drainReason());
    } else {
      synchronized (lock) {
        state.enterGauge();
      }
    }
  }

  private void onHello(String text, boolean first) {
    owner.metrics().messageSize(Protocol.JSON.code(), versionTag(), "hello", SessionMetrics.Direction.IN,
        text.getBytes(StandardCharsets.UTF_8).length);
    HelloAnswer answer;
    synchronized (lock) {
      Agreement current = state.agreement();
      if (current == null) {
        return; // a refused connection is closing
      } else if (current.handshake() != Handshake.NONE || helloAccepted) {
        answer = HelloAnswer.REPEAT; // negotiated already: the same hello_ack again, in order
      } else if (first && owner.nanoTime() - openedNanos <= owner.negotiator().helloTimeout().toNanos()) {
        helloAccepted = true;
        answer = HelloAnswer.NEGOTIATE;
      } else {
        answer = HelloAnswer.LATE;
      }
    }
    switch (answer) {
      case REPEAT -> change(SessionState.Change.REPEAT_ACK);
      case LATE -> close(CloseCode.HANDSHAKE_TIMEOUT, "a hello must be the first frame, within "
          + owner.negotiator().helloTimeout().toMillis() + " ms of connecting");
      case NEGOTIATE -> {
        Negotiation outcome = owner.negotiator().onFirstTextFrame(text, owner.gate(ids)).orElseThrow();
        if (outcome instanceof Rejection r) {
          refuse(r);
        } else {
          Agreement agreed = (Agreement) outcome;
          owner.metrics().decision(agreed.protocol().code(), agreed.decision().reason().code());
          change(SessionState.Change.hello(agreed));
        }
      }
    }
  }

  private enum HelloAnswer { NEGOTIATE, REPEAT, LATE }

  private void refuse(Rejection r) {
    queue.offerControl(OutboundFrame.control(r.toJson()));
    boolean version = r.reason() == RejectReason.UNSUPPORTED_MAJOR || r.reason() == RejectReason.TOO_OLD;
    close(version ? CloseCode.VERSION_UNSUPPORTED : CloseCode.HANDSHAKE_INVALID, r.reason().code() + ": " + r.detail());
  }

  private void inbound(byte[] frame, Protocol protocol) {
    Cohort cohort;
    synchronized (lock) {
      if (state.agreement() == null) {
        return; // refused: only the close is left
      }
      cohort = new Cohort(protocol, state.cohort().view());
    }
    String version = cohort.view().versionClass().label();
    long start = owner.nanoTime();
    Object message;
    try {
      message = owner.decode(frame, cohort);
    } catch (DecodeException e) {
      owner.metrics().decodeError(protocol.code(), version, e.code());
      owner.metrics().messageSize(protocol.code(), version, "unknown", SessionMetrics.Direction.IN, frame.length);
      sendError(e.code(), e.getMessage());
      if (protocol.isBinary() && overBudget()) {
        change(SessionState.Change.DOWNGRADE);
      }
      return;
    }
    String type = owner.typeOf(message);
    owner.metrics().decoded(protocol.code(), version, type, owner.nanoTime() - start);
    owner.metrics().messageSize(protocol.code(), version, type, SessionMetrics.Direction.IN, frame.length);
    owner.deliver(this, message);
  }

  private boolean overBudget() {
    synchronized (decodeErrors) {
      if (decodeErrors.record(owner.nanoTime())) {
        decodeErrors.reset();
        return true;
      }
      return false;
    }
  }

  /** Sends an error message in the protocol states go out in now, in order with them. */
  void sendError(String code, String message) {
    synchronized (lock) {
      if (closing) {
        return;
      }
      Cohort c = state.cohort();
      byte[] bytes = owner.encodeError(code, message, c);
      owner.metrics().messageSize(c.protocol().code(), state.versionTag(), "error", SessionMetrics.Direction.OUT,
          bytes.length);
      offerControl(c.protocol().isBinary() ? OutboundFrame.control(ByteBuffer.wrap(bytes))
          : OutboundFrame.control(new String(bytes, StandardCharsets.UTF_8)));
    }
  }

  private boolean admit() {
    synchronized (lock) {
      if (closing) {
        return false;
      }
    }
    InboundLimiter.Verdict verdict;
    synchronized (limiter) {
      verdict = limiter.check(owner.nanoTime());
    }
    if (verdict == InboundLimiter.Verdict.ACCEPT) {
      return true;
    }
    owner.metrics().inboundDropped("rate_limited");
    if (verdict == InboundLimiter.Verdict.CLOSE) {
      close(CloseCode.RATE_LIMITED, "more than " + owner.limits().inboundRatePerSecond() + " messages/s for too long");
    }
    return false;
  }

  /** Applies a change now, or has the session's room apply it at its next broadcast. */
  void change(SessionState.Change change) {
    RoomFanout<?> room;
    synchronized (lock) {
      if (closing) {
        return;
      }
      room = fanout;
      if (room == null) {
        apply(change, state.nextTick());
        return;
      }
    }
    room.post(this, change);
  }

  /** On the room's tick thread (or under no room): applies a change before {@code tick}'s state. */
  void apply(SessionState.Change change, long tick) {
    synchronized (lock) {
      if (closing) {
        return;
      }
      state.apply(change, tick).ifPresent(this::offerControlText);
    }
  }

  /** Seats the session in a room (called by the room, on its tick thread, before the first state). */
  void seated(RoomFanout<?> room, String recipient, long tick) {
    synchronized (lock) {
      fanout = room;
      recipientId = recipient;
    }
    apply(SessionState.Change.REDECIDE, tick); // a config change may have come after the handshake
  }

  /** Marks the session as a member of {@code room} before the room seats it. */
  boolean joining(RoomFanout<?> room) {
    synchronized (lock) {
      if (closing || (fanout != null && fanout != room)) {
        return false;
      }
      fanout = room;
      return true;
    }
  }

  boolean inRoom() {
    synchronized (lock) {
      return fanout != null;
    }
  }

  void left(RoomFanout<?> room) {
    synchronized (lock) {
      if (fanout == room) {
        fanout = null;
        recipientId = null;
      }
    }
  }

  /** The cohort for a broadcast, or null if the session takes no states (closing, refused). */
  Cohort cohortForBroadcast() {
    synchronized (lock) {
      return closing || state.agreement() == null ? null : state.cohort();
    }
  }

  String recipientForBroadcast() {
    synchronized (lock) {
      return recipientId;
    }
  }

  String versionTag() {
    synchronized (lock) {
      return state.versionTag();
    }
  }

  /** Offers one tick's state (room's tick thread); closes a client that stayed behind too long. */
  void offerState(long tick, byte[] bytes, boolean binary, String protocolTag, String versionTag) {
    OutboundFrame frame = binary ? OutboundFrame.binaryState(tick, ByteBuffer.wrap(bytes))
        : OutboundFrame.textState(tick, new String(bytes, StandardCharsets.UTF_8));
    if (queue.offerState(frame) == SendQueue.Offer.SUPERSEDED) {
      owner.metrics().updateDropped(protocolTag, versionTag);
    }
    synchronized (lock) {
      state.sentTick(tick);
    }
    long behind = queue.behindNanos();
    if (behind > owner.limits().slowConsumerTimeout().toNanos()) {
      close(CloseCode.TOO_SLOW, "behind for more than " + owner.limits().slowConsumerTimeout().toMillis() + " ms");
    }
  }

  private void offerControlText(String json) {
    offerControl(OutboundFrame.control(json));
  }

  private boolean offerControl(OutboundFrame frame) {
    SendQueue.Offer offer = queue.offerControl(frame);
    if (offer == SendQueue.Offer.OVERFLOW) {
      close(CloseCode.TOO_SLOW, "too many control messages waiting");
    }
    return offer == SendQueue.Offer.QUEUED;
  }

  private void write(OutboundFrame frame, SendQueue.WriteCallback callback) {
    Transport.SendCallback done = new Transport.SendCallback() {
      @Override
      public void succeeded() {
        callback.succeeded();
      }

      @Override
      public void failed(Throwable cause) {
        callback.failed(cause);
      }
    };
    try {
      if (frame.isBinary()) {
        transport.sendBinary(frame.binary(), done);
      } else {
        transport.sendText(frame.text(), done);
      }
    } catch (RuntimeException e) {
      callback.failed(e);
    }
  }

  private void abortIfNotClosed() {
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    LOG.log(Level.DEBUG, () -> ids + ": no close handshake within " + owner.limits().closeTimeout().toMillis()
        + " ms; aborting");
    try {
      transport.abort();
    } finally {
      onClosed(1006, "aborted after the close timeout");
    }
  }

  @Override
  public String toString() {
    return "Session[" + ids + ", " + cohort() + " (" + reason() + ")]";
  }
}
