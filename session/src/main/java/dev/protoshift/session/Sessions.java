package dev.protoshift.session;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.VersionChain;
import dev.protoshift.versioning.ClientCapabilities;
import dev.protoshift.versioning.Negotiation;
import dev.protoshift.versioning.Negotiator;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.ProtocolGate;
import dev.protoshift.versioning.RolloutDecision;
import dev.protoshift.versioning.rollout.ConfigChange;
import dev.protoshift.versioning.rollout.ConfigListener;
import dev.protoshift.versioning.rollout.RolloutConfig;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutContext;
import dev.protoshift.versioning.rollout.RolloutPolicy;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every connection of one game server, transport-neutral: what a server on protoshift builds once
 * and asks for each WebSocket upgrade. It negotiates (query parameter, subprotocols, or a hello as
 * the first frame), decides the protocol with the rollout policy, re-decides live sessions when
 * the rollout config changes, decodes what clients send and hands it to the game, and counts
 * everything in {@link SessionMetrics}.
 *
 * <pre>{@code
 * Sessions<ArenaMessage.Builder> sessions = Sessions.builder(chain, codec::decode,
 *         (code, message, cohort) -> codec.encode(ArenaMessage.newBuilder().setError(...), cohort))
 *     .rollout(rolloutConfigHolder)          // decisions and live re-decision (kill switch)
 *     .onMessage((session, message) -> game.submit(session, message))
 *     .build();
 *
 * // per WebSocket upgrade, in the server's upgrade handler:
 * Upgrade upgrade = sessions.upgrade(rawQuery, offeredSubprotocols, new ConnectionIds(room, player, id));
 * upgrade.subprotocol().ifPresent(response::acceptSubprotocol);
 * // once the WebSocket is open:
 * Session session = upgrade.open(transport);
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops its timers and config listener; sessions stay usable.
 *
 * @param <I> the game's inbound message type
 */
public final class Sessions<I> implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

  private final VersionChain<?> chain;
  private final Negotiator negotiator;
  private final InboundDecoder<I> decoder;
  private final ErrorEncoder errors;
  private final InboundHandler<I> handler;
  private final Function<? super I, String> typeOf;
  private final Supplier<RolloutConfig> config;
  private final RolloutConfigHolder holder;
  private final ConfigListener listener;
  private final SessionLimits limits;
  private final SessionMetrics metrics;
  private final ShadowCheck shadow;
  private final LongSupplier nanoClock;
  private final ScheduledThreadPoolExecutor timers;
  private final Set<Session> open = ConcurrentHashMap.newKeySet();
  private final Set<RoomFanout<?>> rooms = ConcurrentHashMap.newKeySet();
  private final Cohort refusedCohort;
  private volatile String drainReason;

  private Sessions(Builder<I> b) {
    this.chain = b.chain;
    Negotiator.Builder n = Negotiator.builder(chain.supportedVersions()).features(chain.protocolFeatures());
    if (b.helloWindow != null) {
      n.helloTimeout(b.helloWindow);
    }
    this.negotiator = n.build();
    this.decoder = b.decoder;
    this.errors = b.errors;
    this.handler = b.handler;
    this.typeOf = b.typeOf;
    this.holder = b.holder;
    this.config = b.config;
    this.limits = b.limits;
    this.metrics = b.metrics;
    this.shadow = b.shadow;
    this.nanoClock = b.nanoClock;
    this.refusedCohort = new Cohort(Protocol.JSON, chain.baselineView());
    this.timers = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "protoshift-session-timers");
      t.setDaemon(true);
      return t;
    });
    timers.setRemoveOnCancelPolicy(true);
    this.listener = new ConfigListener() {
      @Override
      public void onChange(ConfigChange change) {
        redecideAll();
      }
    };
    if (holder != null) {
      holder.addListener(listener);
    }
  }

  /**
   * Starts the sessions of a server.
   *
   * @param chain the version chain: supported versions, features (for the negotiator) and views
   * @param decoder turns a client's frame into the game's message, e.g. {@code codec::decode}
   * @param errors encodes an error message in the game's schema for a cohort
   */
  public static <I> Builder<I> builder(VersionChain<?> chain, InboundDecoder<I> decoder, ErrorEncoder errors) {
    return new Builder<>(chain, decoder, errors);
  }

  /**
   * Negotiates an upgrade request: the query parameter or the offered subprotocols, or neither
   * (then a hello may come as the first frame). Cheap, never throws on client input; put {@link
   * Upgrade#subprotocol()} in the upgrade response, then {@link Upgrade#open} the session.
   *
   * @param rawQuery the request's raw query string (e.g. {@code room=r&proto_version=1.1.0}), or null
   * @param subprotocols the {@code Sec-WebSocket-Protocol} values offered, in order
   */
  public Upgrade upgrade(String rawQuery, List<String> subprotocols, ConnectionIds ids) {
    Objects.requireNonNull(ids, "ids");
    List<String> offered = subprotocols == null ? List.of() : subprotocols;
    return new Upgrade(this, ids, negotiator.onUpgrade(rawQuery, offered, gate(ids)), offered);
  }

  /** Like {@link #upgrade(String, List, ConnectionIds)} with already decoded query parameters. */
  public Upgrade upgrade(Map<String, List<String>> query, List<String> subprotocols, ConnectionIds ids) {
    Objects.requireNonNull(ids, "ids");
    List<String> offered = subprotocols == null ? List.of() : subprotocols;
    return new Upgrade(this, ids, negotiator.onUpgrade(query, offered, gate(ids)), offered);
  }

  /**
   * A room's fan-out: its members get each tick's state once per cohort.
   *
   * @param encoder converts and encodes the state per cohort (convert's {@code CohortEncoder})
   * @param stateType the state's message type, for metric tags (e.g. {@code state_update})
   */
  public <S> RoomFanout<S> room(dev.protoshift.convert.StateEncoder<S> encoder, String stateType) {
    RoomFanout<S> room = new RoomFanout<>(this, encoder, stateType);
    rooms.add(room);
    return room;
  }

  /** Forgets a room (when it closes); its members should have left. */
  public void forget(RoomFanout<?> room) {
    rooms.remove(room);
  }

  /** The open sessions (a snapshot). */
  public Collection<Session> sessions() {
    return List.copyOf(open);
  }

  /** How many sessions are open. */
  public int count() {
    return open.size();
  }

  /**
   * Re-decides every session under the config in force: sessions in a room switch at its next
   * broadcast, all at once; others at once. Called by itself on every change of the {@link
   * Builder#rollout(RolloutConfigHolder) holder}; call it after changing a config given as a
   * supplier.
   */
  public void redecideAll() {
    rooms.forEach(RoomFanout::requestRedecision);
    for (Session s : open) {
      if (!s.inRoom()) {
        s.change(SessionState.Change.REDECIDE); // a room's members re-decide together, at its next broadcast
      }
    }
    LOG.log(Level.INFO, () -> "rollout config changed: re-deciding " + open.size() + " sessions");
  }

  /**
   * Drains the server: every open session is closed with {@link CloseCode#SERVICE_RESTART} (1012)
   * and {@code reason} (e.g. a reconnect hint), and so is every session opened after this.
   */
  public void drain(String reason) {
    drainReason = reason == null ? "" : reason;
    for (Session s : open) {
      s.close(CloseCode.SERVICE_RESTART, drainReason);
    }
  }

  /** True after {@link #drain}. */
  public boolean draining() {
    return drainReason != null;
  }

  /** The negotiator, built from the chain's versions and features. */
  public Negotiator negotiator() {
    return negotiator;
  }

  /** The version chain. */
  public VersionChain<?> chain() {
    return chain;
  }

  /** The limits every session applies. */
  public SessionLimits limits() {
    return limits;
  }

  /** Where measurements go. */
  public SessionMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    if (holder != null) {
      holder.removeListener(listener);
    }
    timers.shutdownNow();
  }

  // ---- for sessions and rooms -----------------------------------------------------------------

  ProtocolGate gate(ConnectionIds ids) {
    return client -> decide(ids, client);
  }

  RolloutDecision decide(ConnectionIds ids, ClientCapabilities client) {
    return RolloutPolicy.decide(config.get(),
        RolloutContext.of(ids.room() == null ? "" : ids.room(), ids.player(), ids.connection(), client));
  }

  RolloutConfig config() {
    return config.get();
  }

  Session open(ConnectionIds ids, Negotiation negotiation, Transport transport) {
    Session session = new Session(this, ids, negotiation, transport);
    open.add(session);
    metrics.connectionOpened();
    if (negotiation instanceof dev.protoshift.versioning.Agreement a) {
      metrics.decision(a.protocol().code(), a.decision().reason().code());
    }
    session.start(negotiation);
    return session;
  }

  void closed(Session session, int code) {
    if (open.remove(session)) {
      metrics.connectionClosed(code);
    }
  }

  Object decode(byte[] frame, Cohort cohort) throws DecodeException {
    return decoder.decode(frame, cohort);
  }

  @SuppressWarnings("unchecked")
  String typeOf(Object message) {
    return typeOf.apply((I) message);
  }

  @SuppressWarnings("unchecked")
  void deliver(Session session, Object message) {
    try {
      handler.onMessage(session, (I) message);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, session.ids() + ": the game's handler failed on a message", e);
      session.sendError("server_error", "the server could not handle the message");
    }
  }

  byte[] encodeError(String code, String message, Cohort cohort) {
    return errors.encode(code, message, cohort);
  }

  ShadowCheck shadow() {
    return shadow;
  }

  Cohort refusedCohort() {
    return refusedCohort;
  }

  String drainReason() {
    return drainReason;
  }

  long nanoTime() {
    return nanoClock.getAsLong();
  }

  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return timers.schedule(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "a session timer failed", e);
        }
      }, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return null; // closed: nothing is timed any more
    }
  }

  /**
   * Configures {@link Sessions}.
   *
   * @param <I> the game's inbound message type
   */
  public static final class Builder<I> {
    private final VersionChain<?> chain;
    private final InboundDecoder<I> decoder;
    private final ErrorEncoder errors;
    private InboundHandler<I> handler = (session, message) -> {};
    private Function<? super I, String> typeOf = message -> "message";
    private Supplier<RolloutConfig> config = RolloutConfig::defaults;
    private RolloutConfigHolder holder;
    private SessionLimits limits = SessionLimits.DEFAULTS;
    private SessionMetrics metrics = SessionMetrics.NONE;
    private ShadowCheck shadow;
    private Duration helloWindow;
    private LongSupplier nanoClock = System::nanoTime;

    private Builder(VersionChain<?> chain, InboundDecoder<I> decoder, ErrorEncoder errors) {
      this.chain = Objects.requireNonNull(chain, "chain");
      this.decoder = Objects.requireNonNull(decoder, "decoder");
      this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** What the game does with each decoded message (default: nothing). */
    public Builder<I> onMessage(InboundHandler<I> handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** The message type of a decoded message, for metric tags (default {@code message}). */
    public Builder<I> messageType(Function<? super I, String> typeOf) {
      this.typeOf = Objects.requireNonNull(typeOf, "typeOf");
      return this;
    }

    /**
     * The rollout config, re-read at every decision; every change re-decides live sessions (the
     * kill switch, a new percentage, forced rooms). Without a rollout, every client that can gets
     * JSON ({@code RolloutConfig.defaults()}: protobuf disabled).
     */
    public Builder<I> rollout(RolloutConfigHolder holder) {
      this.holder = Objects.requireNonNull(holder, "holder");
      this.config = holder::current;
      return this;
    }

    /** A rollout config from elsewhere; call {@link Sessions#redecideAll()} after it changes. */
    public Builder<I> rollout(Supplier<RolloutConfig> config) {
      this.holder = null;
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    public Builder<I> limits(SessionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    public Builder<I> metrics(SessionMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** Samples what rooms send and checks it against what each view must contain (off by default). */
    public Builder<I> shadow(ShadowCheck shadow) {
      this.shadow = Objects.requireNonNull(shadow, "shadow");
      return this;
    }

    /**
     * How long after connecting a hello is accepted as the first frame (default 5 s).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder<I> helloWindow(Duration window) {
      if (window == null || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("hello window must be positive, was " + window);
      }
      this.helloWindow = window;
      return this;
    }

    /** The clock of timeouts and limits (tests); default {@code System::nanoTime}. */
    public Builder<I> nanoClock(LongSupplier clock) {
      this.nanoClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Sessions<I> build() {
      return new Sessions<>(this);
    }
  }
}
