package dev.protoshift.server.session;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.CloseCode;
import dev.protoshift.server.game.Occupant;
import dev.protoshift.server.game.Room;
import dev.protoshift.server.metrics.ServerMetrics;
import dev.protoshift.server.transport.ErrorWindow;
import dev.protoshift.server.transport.FaultInjector;
import dev.protoshift.server.transport.GameSocket;
import dev.protoshift.server.transport.InboundLimiter;
import dev.protoshift.server.transport.OutboundFrame;
import dev.protoshift.server.transport.SendQueue;
import dev.protoshift.versioning.Agreement;
import dev.protoshift.versioning.Handshake;
import dev.protoshift.versioning.Negotiation;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.RejectReason;
import dev.protoshift.versioning.Rejection;
import dev.protoshift.versioning.RolloutDecision;
import dev.protoshift.versioning.rollout.RolloutConfig;
import dev.protoshift.versioning.rollout.RolloutPolicy;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One player's game connection: its negotiated agreement and the protocol it is served now,
 * its bounded send queue, its inbound limits, its seat in a room.
 *
 * <p>Threads: Jetty calls the {@link GameSocket.Handler} methods one at a time; the room calls
 * {@link #seated}, {@link #sendState} and every protocol change on its tick thread. A protocol
 * change (hello, config change, decode-error downgrade) is therefore always posted to the room:
 * its control message is queued before the first state frame in the new protocol, and no tick
 * is skipped or sent twice.
 */
public final class PlayerConnection implements Occupant, GameSocket.Handler {

  private static final System.Logger LOG = System.getLogger(PlayerConnection.class.getName());

  /** A gate for recognising a repeated hello; its decision is never used. */
  private static final RolloutDecision JSON_ONLY = RolloutDecision.of(dev.protoshift.versioning.DecisionReason.NO_CLIENT_SUPPORT);

  private final ServerContext context;
  private final String connectionId;
  private final String roomId;
  private final String playerId;
  private final String displayName;
  private final Negotiation initial;
  private final long openedNanos = System.nanoTime();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean firstText = new AtomicBoolean(true);
  private volatile Session session;
  private volatile SendQueue queue;
  private volatile Room room;
  private volatile String ghostId;
  private volatile Agreement agreement;
  private volatile boolean downgraded;
  private volatile Cohort cohort;
  private volatile Agreement cohortFor;
  private volatile Protocol cohortProtocol;
  private String gaugeProtocol;
  private String gaugeVersion;
  private InboundLimiter limiter;
  private ErrorWindow decodeErrors;

  PlayerConnection(ServerContext context, String connectionId, String roomId, String playerId, String displayName,
      Negotiation initial) {
    this.context = context;
    this.connectionId = connectionId;
    this.roomId = roomId;
    this.playerId = playerId;
    this.displayName = displayName;
    this.initial = initial;
    if (initial instanceof Agreement a) {
      this.agreement = a;
    }
  }

  @Override
  public String displayName() {
    return displayName;
  }

  public String connectionId() {
    return connectionId;
  }

  public String roomId() {
    return roomId;
  }

  /** The id of this player's ghost, once seated. */
  public String ghostId() {
    return ghostId;
  }

  /** The current agreement (empty if the handshake was refused). */
  public Optional<Agreement> agreement() {
    return Optional.ofNullable(agreement);
  }

  /** The protocol state frames go out in now: the rollout decision, unless decode errors downgraded it. */
  public Protocol protocol() {
    Agreement a = agreement;
    return a == null || downgraded ? Protocol.JSON : a.protocol();
  }

  /** The reason for {@link #protocol()}: the rollout reason, or {@code decode_errors}. */
  public String reason() {
    Agreement a = agreement;
    if (a == null) {
      return "rejected";
    }
    return downgraded && a.protocol() == Protocol.PROTOBUF ? "decode_errors" : a.decision().reason().code();
  }

  /** The version tag of metrics: the version class this connection is served (e.g. {@code 1.0.0}). */
  public String versionTag() {
    Agreement a = agreement;
    return a == null ? ServerMetrics.NO_VERSION : cohort().view().versionClass().label();
  }

  /**
   * The cohort this connection is served in now: its protocol and the view of its agreed
   * version and features (a legacy client: JSON with the 1.0.0 view, as before protobuf).
   */
  public Cohort cohort() {
    Agreement a = agreement;
    Protocol p = protocol();
    Cohort c = cohort;
    if (c == null || cohortFor != a || cohortProtocol != p) {
      Protocol wire = p;
      c = context.game().cohort(wire, a == null ? null : a.version().orElse(null),
          a == null || a.handshake() == Handshake.NONE ? null : a.features());
      cohort = c;
      cohortFor = a;
      cohortProtocol = p;
    }
    return c;
  }

  /** The cohort this connection is served in, e.g. {@code protobuf/1.1.0}, for stats and logs. */
  public String cohortLabel() {
    return cohort().label();
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  @Override
  public void opened(Session session) {
    this.session = session;
    this.queue = new SendQueue(GameSocket.sink(session), context.settings().maxQueuedControlFrames(), System::nanoTime);
    this.limiter = new InboundLimiter(context.settings().inboundRatePerSecond(), context.settings().inboundBurst(),
        context.settings().inboundCloseAfterDrops(), 10_000_000_000L, System.nanoTime());
    this.decodeErrors = new ErrorWindow(context.settings().decodeErrorLimit(),
        context.settings().decodeErrorWindow().toNanos());
    context.connections().add(this);
    context.metrics().connectionOpened();
    if (initial instanceof Rejection r) {
      refuse(r);
      return;
    }
    if (context.draining()) {
      close(CloseCode.SERVICE_RESTART, context.reconnectHint());
      return;
    }
    Agreement a = agreement;
    context.metrics().decision(a.protocol().code(), a.decision().reason().code());
    enterGauge();
    log(Level.DEBUG, () -> "connection " + connectionId + " room " + roomId + ": " + a);
    context.rooms().join(roomId, this).ifPresentOrElse(r -> room = r, () -> {
      context.metrics().upgradeRejected("rooms_full");
      close(CloseCode.TRY_AGAIN_LATER, "too many rooms; reconnect later");
    });
  }

  private void refuse(Rejection r) {
    sendControl(r.toJson());
    boolean version = r.reason() == RejectReason.UNSUPPORTED_MAJOR || r.reason() == RejectReason.TOO_OLD;
    close(version ? CloseCode.VERSION_UNSUPPORTED : CloseCode.HANDSHAKE_INVALID, r.reason().code() + ": " + r.detail());
  }

  @Override
  public void seated(Room room, String ghostId) {
    this.ghostId = ghostId;
    // A config change between the handshake and this first tick in the room skipped this
    // connection (LiveRedecision reaches seated connections only): catch up before any state.
    redecideOnTickThread(context.rollout().current());
  }

  @Override
  public void closed(int code, String reason) {
    closing.set(true);
    SendQueue q = queue;
    if (q != null) {
      q.close();
    }
    Room r = room;
    if (r != null) {
      r.leave(this);
    }
    if (context.connections().remove(this)) {
      leaveGauge();
      context.metrics().connectionClosed(code);
    }
  }

  @Override
  public void failed(Throwable cause) {
    log(Level.DEBUG, () -> "connection " + connectionId + " failed: " + cause);
  }

  // ---- inbound --------------------------------------------------------------------------------

  @Override
  public void text(String message) {
    if (!admit()) {
      return;
    }
    if (firstText.getAndSet(false) && agreement != null && agreement.handshake() == Handshake.NONE) {
      if (System.nanoTime() - openedNanos <= context.negotiator().helloTimeout().toNanos()) {
        Optional<Negotiation> hello = context.negotiator().onFirstTextFrame(message,
            context.gate(roomId, playerId, connectionId));
        if (hello.isPresent()) {
          onHello(hello.get(), message);
          return;
        }
      }
    } else if (isHello(message)) {
      onLateHello();
      return;
    }
    onGameText(message);
  }

  private boolean isHello(String message) {
    return message.length() < context.negotiator().maxHelloBytes() * 4 && message.contains("\"hello\"")
        && context.negotiator().onFirstTextFrame(message, client -> JSON_ONLY).isPresent();
  }

  private void onHello(Negotiation outcome, String message) {
    context.metrics().messageSize("json", versionTag(), "hello", ServerMetrics.Direction.IN,
        message.getBytes(StandardCharsets.UTF_8).length);
    if (outcome instanceof Rejection r) {
      refuse(r);
      return;
    }
    Agreement a = (Agreement) outcome;
    context.metrics().decision(a.protocol().code(), a.decision().reason().code());
    post(() -> apply(a, true, a.decision().reason().code()));
  }

  private void onLateHello() {
    Agreement a = agreement;
    if (a != null && a.handshake() != Handshake.NONE) {
      post(() -> sendControl(agreement.helloAck())); // already negotiated: repeat the agreement
    } else {
      close(CloseCode.HANDSHAKE_TIMEOUT, "a hello must be the first frame, within "
          + context.negotiator().helloTimeout().toMillis() + " ms of connecting");
    }
  }

  private void onGameText(String message) {
    Cohort c = cohort();
    String version = versionTag();
    int size = message.getBytes(StandardCharsets.UTF_8).length;
    long start = System.nanoTime();
    PlayerInput input;
    try {
      input = context.game().decodeJsonInput(message, c.view());
    } catch (DecodeException e) {
      context.metrics().decodeError("json", version, e.code());
      context.metrics().messageSize("json", version, "unknown", ServerMetrics.Direction.IN, size);
      sendError(e.code(), e.getMessage());
      return;
    }
    received(input, "json", version, size, System.nanoTime() - start);
  }

  @Override
  public void binary(ByteBuffer message) {
    if (!admit()) {
      return;
    }
    ByteBuffer frame = context.faults().maybeCorrupt(message);
    if (FaultInjector.corrupted(message, frame)) {
      context.metrics().faultInjected();
    }
    byte[] bytes = new byte[frame.remaining()];
    frame.get(bytes);
    String version = versionTag();
    long start = System.nanoTime();
    PlayerInput input;
    try {
      input = context.game().decodeBinaryInput(bytes, cohort().view());
    } catch (DecodeException e) {
      context.metrics().decodeError("protobuf", version, e.code());
      context.metrics().messageSize("protobuf", version, "unknown", ServerMetrics.Direction.IN, bytes.length);
      sendError(e.code(), e.getMessage());
      if (decodeErrors.record(System.nanoTime())) {
        decodeErrors.reset();
        downgrade();
      }
      return;
    }
    received(input, "protobuf", version, bytes.length, System.nanoTime() - start);
  }

  private void received(PlayerInput input, String protocol, String version, int size, long decodeNanos) {
    String type = input.action().type();
    context.metrics().decoded(protocol, version, "player_input", decodeNanos);
    context.metrics().messageSize(protocol, version, "player_input", ServerMetrics.Direction.IN, size);
    if (context.settings().logProtoMessages()) {
      CohortBroadcaster.MESSAGES.log(Level.INFO, "[PROTO] received player_input/" + type + " connection=" + connectionId
          + " protocol=" + protocol + " size=" + size + " decode_us=" + decodeNanos / 1_000);
    }
    Room r = room;
    if (r != null) {
      r.submit(this, input, error -> sendError(error.code(), error.message()));
    }
  }

  /** Sends an error in this connection's protocol (never dropped, in order with the states). */
  void sendError(String code, String message) {
    Cohort c = cohort();
    byte[] bytes = context.game().encodeError(new ServerMessage.Error(code, message), c);
    SendQueue q = queue;
    if (q == null) {
      return;
    }
    OutboundFrame frame = c.protocol().isBinary()
        ? OutboundFrame.control(ByteBuffer.wrap(bytes))
        : OutboundFrame.control(new String(bytes, StandardCharsets.UTF_8));
    context.metrics().messageSize(c.protocol().code(), versionTag(), "error", ServerMetrics.Direction.OUT, bytes.length);
    if (q.offerControl(frame) == SendQueue.Offer.OVERFLOW) {
      close(CloseCode.TOO_SLOW, "too many control messages waiting");
    }
  }

  /** Applies the inbound rate limit; false if the message is to be ignored. */
  private boolean admit() {
    if (closing.get()) {
      return false;
    }
    switch (limiter.check(System.nanoTime())) {
      case ACCEPT:
        return true;
      case DROP:
        context.metrics().inboundDropped("rate_limited");
        return false;
      default:
        context.metrics().inboundDropped("rate_limited");
        close(CloseCode.RATE_LIMITED, "more than " + context.settings().inboundRatePerSecond() + " messages/s for too long");
        return false;
    }
  }

  // ---- protocol changes (on the room's tick thread) -------------------------------------------

  /** Re-decides this connection under {@code config} (posted to the room by a config change). */
  /** The room this connection sits in, or {@code null} before it is seated. */
  Room room() {
    return room;
  }

  /** Re-decides now; only on this connection's room tick thread (see {@link LiveRedecision}). */
  void redecideOnTickThread(RolloutConfig config) {
    Agreement a = agreement;
    if (a == null) {
      return;
    }
    RolloutDecision decision = RolloutPolicy.decide(config, ServerContext.context(roomId, playerId, connectionId, a.client()));
    if (!decision.equals(a.decision())) {
      context.metrics().decision(decision.protocol().code(), decision.reason().code());
      apply(a.withDecision(decision), false, decision.reason().code());
    }
  }

  /** Downgrades to JSON after too many decode errors (sticky for the connection's life). */
  void downgrade() {
    post(() -> {
      if (downgraded) {
        return;
      }
      Protocol before = protocol();
      downgraded = true;
      announce(before, "decode_errors");
    });
  }

  /** On the tick thread: installs an agreement and tells the client if its protocol changed. */
  private void apply(Agreement next, boolean helloAck, String reason) {
    Protocol before = protocol();
    agreement = next;
    if (helloAck) {
      sendControl(next.helloAck());
      if (before != protocol()) {
        moveGauge(before, "hello");
      } else {
        leaveGauge();
        enterGauge();
      }
    } else {
      announce(before, reason);
    }
  }

  private void announce(Protocol before, String reason) {
    Protocol after = protocol();
    if (before == after) {
      return;
    }
    Room r = room;
    long fromTick = r == null ? 0 : r.tick() + 1;
    sendControl(ControlMessages.protocolSwitch(after, agreement.version(), reason, fromTick));
    moveGauge(before, reason);
    log(Level.DEBUG, () -> "connection " + connectionId + " switched " + before.code() + " -> " + after.code()
        + " (" + reason + ") from tick " + fromTick);
  }

  private void moveGauge(Protocol before, String reason) {
    context.metrics().switched(before.code(), protocol().code(), reason);
    leaveGauge();
    enterGauge();
  }

  private synchronized void enterGauge() {
    gaugeProtocol = protocol().code();
    gaugeVersion = versionTag();
    context.metrics().connectionEntered(gaugeProtocol, gaugeVersion);
  }

  private synchronized void leaveGauge() {
    if (gaugeProtocol != null) {
      context.metrics().connectionLeft(gaugeProtocol, gaugeVersion);
      gaugeProtocol = null;
    }
  }

  private void post(Runnable task) {
    Room r = room;
    if (r != null) {
      r.post(task);
    }
  }

  // ---- outbound -------------------------------------------------------------------------------

  /**
   * Offers a state frame (on the room's tick thread). A connection that has stayed behind for
   * longer than the slow-consumer timeout is closed with {@link CloseCode#TOO_SLOW}.
   */
  public void sendState(OutboundFrame frame) {
    SendQueue q = queue;
    if (q == null) {
      return;
    }
    if (q.offerState(frame) == SendQueue.Offer.SUPERSEDED) {
      context.metrics().updateDropped(protocol().code(), versionTag());
    }
    if (q.behindNanos() > context.settings().slowConsumerTimeout().toNanos()) {
      close(CloseCode.TOO_SLOW, "behind for more than " + context.settings().slowConsumerTimeout().toMillis() + " ms");
    }
  }

  /** Offers a control message; closes the connection if too many are waiting. */
  public void sendControl(String json) {
    SendQueue q = queue;
    if (q != null && q.offerControl(OutboundFrame.control(json)) == SendQueue.Offer.OVERFLOW) {
      close(CloseCode.TOO_SLOW, "too many control messages waiting");
    }
  }

  /** Closes the connection with one of the documented codes; idempotent. */
  public void close(CloseCode code, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    Session s = session;
    if (s != null) {
      // Close after what is queued (e.g. a hello_reject): Jetty sends the close frame after pending frames.
      s.close(code.code(), CloseCode.reason(reason), Callback.NOOP);
    }
  }

  /** Frames sent, bytes sent and updates dropped so far. */
  public SendQueue queue() {
    return queue;
  }

  public boolean isOpen() {
    Session s = session;
    return s != null && s.isOpen() && !closing.get();
  }

  private static void log(Level level, java.util.function.Supplier<String> message) {
    if (LOG.isLoggable(level)) {
      LOG.log(level, message.get());
    }
  }
}
