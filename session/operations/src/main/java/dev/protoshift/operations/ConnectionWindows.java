package dev.protoshift.operations;

import dev.protoshift.operations.internal.CountingSessionMetrics;
import dev.protoshift.operations.internal.ProtocolEvents;
import dev.protoshift.operations.internal.TimeBuckets;
import dev.protoshift.operations.internal.VersionLabels;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionMetrics;
import dev.protoshift.session.Sessions;
import dev.protoshift.versioning.Agreement;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A server's own windowed counts of its connections, from which the readiness report ({@link
 * dev.protoshift.operations.readiness.ReadinessReport}) and the guarded ramp's health gates ({@link
 * dev.protoshift.operations.ramp.RampController}) are computed. A sampler looks at every open
 * session once per sample interval and adds, per {@link ConnectionKey}, the connection time since
 * the last sample and the bytes sent since then (so the JSON share of connections is the JSON share
 * of connection time); and it adds, per protocol, the events the {@link #counting counting
 * metrics} and {@link #closed} counted since the last sample (decoded messages, decode errors,
 * switch-backs to JSON, abnormal closes).
 *
 * <pre>{@code
 * ConnectionWindows windows = new ConnectionWindows(WindowSettings.DEFAULTS);
 * Sessions<In> sessions = Sessions.builder(chain, decoder, errors)
 *     .metrics(windows.counting(myMetrics))   // counts decodes, decode errors, switch-backs
 *     ...
 *     .build();
 * windows.start(sessions);                   // samples every second from now on
 * // in the transport's close callback: windows.closed(session, closeCode);
 * }</pre>
 *
 * <p>A connection that lives shorter than one sample interval may be missed; one that switches
 * protocol between samples is counted under its new protocol from the next sample on. Counts are
 * per process and in memory: a restart starts again. Thread-safe.
 */
public final class ConnectionWindows implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ConnectionWindows.class.getName());

  /** Index of the connection milliseconds in a count of {@link #connections(long, long)}. */
  public static final int CONNECTION_MILLIS = 0;
  /** Index of the bytes sent in a count of {@link #connections(long, long)}. */
  public static final int BYTES_SENT = 1;
  /** Index of the inbound messages decoded in a count of {@link #events(long, long)}. */
  public static final int DECODED = ProtocolEvents.Event.DECODED.ordinal();
  /** Index of the inbound messages that failed to decode in a count of {@link #events(long, long)}. */
  public static final int DECODE_ERRORS = ProtocolEvents.Event.DECODE_ERROR.ordinal();
  /** Index of the protobuf connections switched to JSON by decode errors in a count of {@link #events(long, long)}. */
  public static final int SWITCH_BACKS = ProtocolEvents.Event.SWITCH_BACK.ordinal();
  /** Index of the abnormal closes ({@link #closed}) in a count of {@link #events(long, long)}. */
  public static final int ABNORMAL_CLOSES = ProtocolEvents.Event.ABNORMAL_CLOSE.ordinal();

  private volatile Sessions<?> sessions;
  private final ProtocolEvents events = new ProtocolEvents();
  private final LongSupplier clock;
  private final long sampleMillis;
  private final TimeBuckets<ConnectionKey> connections;
  private final TimeBuckets<String> protocolEvents;
  private final VersionLabels versions = new VersionLabels();
  private final Map<Session, Long> lastBytes = new IdentityHashMap<>();
  private final Map<String, long[]> lastEvents = new HashMap<>();
  private final Consumer<Map<ConnectionKey, Integer>> onSample;
  private final ScheduledThreadPoolExecutor timer;
  private final long startedMillis;
  private long lastSampleMillis = -1;
  private volatile Map<ConnectionKey, Integer> lastOpen = Map.of();

  /**
   * Windowed counts on the system clock, published nowhere but {@link #lastSample()}.
   *
   * @param settings sample interval, bucket width and retention
   * @throws NullPointerException if {@code settings} is null
   */
  public ConnectionWindows(WindowSettings settings) {
    this(settings, System::currentTimeMillis, open -> { });
  }

  /**
   * Windowed counts on a given clock.
   *
   * @param settings sample interval, bucket width and retention
   * @param clock wall-clock milliseconds (e.g. {@code System::currentTimeMillis})
   * @param onSample told each sample's open connections per key, on the sampling thread (e.g. the
   *     Micrometer binding's {@code ConnectionGauges}); it must not block
   * @throws NullPointerException if an argument is null
   */
  public ConnectionWindows(WindowSettings settings, LongSupplier clock, Consumer<Map<ConnectionKey, Integer>> onSample) {
    Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.onSample = Objects.requireNonNull(onSample, "onSample");
    this.sampleMillis = settings.sampleInterval().toMillis();
    long resolution = settings.resolution().toMillis();
    long retention = settings.retention().toMillis();
    this.connections = new TimeBuckets<>(resolution, retention, 2);
    this.protocolEvents = new TimeBuckets<>(resolution, retention, ProtocolEvents.Event.values().length);
    this.startedMillis = clock.getAsLong();
    for (String p : ProtocolEvents.PROTOCOLS) {
      lastEvents.put(p, events.totals(p));
    }
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "protoshift-windows");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Wraps a server's {@link SessionMetrics}: every call is passed on to {@code delegate}, and on the
   * way decoded messages, decode errors and decode-error switch-backs are counted here. Give the
   * result to {@code Sessions.builder(...).metrics(...)}.
   *
   * @param delegate the server's own metrics ({@link SessionMetrics#NONE} for none)
   * @return metrics, thread-safe if {@code delegate} is
   * @throws NullPointerException if {@code delegate} is null
   */
  public SessionMetrics counting(SessionMetrics delegate) {
    return new CountingSessionMetrics(Objects.requireNonNull(delegate, "delegate"), events);
  }

  /**
   * Samples {@code sessions} every sample interval from now on, on a daemon thread of its own.
   *
   * @param sessions the sessions to sample (built with {@link #counting} metrics)
   * @throws IllegalStateException if already started
   * @throws NullPointerException if {@code sessions} is null
   */
  public void start(Sessions<?> sessions) {
    Objects.requireNonNull(sessions, "sessions");
    synchronized (this) {
      if (this.sessions != null) {
        throw new IllegalStateException("the windows are already sampling sessions");
      }
      this.sessions = sessions;
    }
    timer.scheduleAtFixedRate(() -> {
      try {
        sample();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "sampling the sessions failed; trying again at the next sample", e);
      }
    }, 0, sampleMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes one sample now (the timer does this by itself after {@link #start}); before {@link #start}
   * there are no sessions to sample, and only the events are counted.
   */
  public synchronized void sample() {
    long now = clock.getAsLong();
    long span = lastSampleMillis < 0 ? sampleMillis : Math.max(0, Math.min(now - lastSampleMillis, 2 * sampleMillis));
    lastSampleMillis = now;
    Sessions<?> sampled = sessions;
    Collection<Session> open = sampled == null ? List.of() : sampled.sessions();
    Set<Session> seen = new HashSet<>();
    Map<ConnectionKey, Integer> counts = new HashMap<>();
    for (Session s : open) {
      Optional<Agreement> agreement = s.agreement();
      if (agreement.isEmpty()) {
        continue; // a refused handshake: no protocol to count
      }
      ConnectionKey key = key(s, agreement.get());
      long bytes = s.stats().bytesSent();
      long delta = bytes - lastBytes.getOrDefault(s, 0L);
      lastBytes.put(s, bytes);
      seen.add(s);
      connections.add(now, key, span, Math.max(0, delta));
      counts.merge(key, 1, Integer::sum);
    }
    // Sessions that closed since the last sample: their last bytes, under what they were last.
    for (var it = lastBytes.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Session, Long> e = it.next();
      if (!seen.contains(e.getKey())) {
        Session s = e.getKey();
        s.agreement().ifPresent(a -> connections.add(now, key(s, a), 0, Math.max(0, s.stats().bytesSent() - e.getValue())));
        it.remove();
      }
    }
    for (String p : ProtocolEvents.PROTOCOLS) {
      long[] totals = events.totals(p);
      long[] last = lastEvents.put(p, totals);
      long[] delta = new long[totals.length];
      boolean any = false;
      for (int i = 0; i < totals.length; i++) {
        delta[i] = totals[i] - last[i];
        any |= delta[i] != 0;
      }
      if (any) {
        protocolEvents.add(now, p, delta);
      }
    }
    lastOpen = Map.copyOf(counts);
    onSample.accept(lastOpen);
  }

  /**
   * A connection ended with {@code code} (call it from the transport's close callback): counted as
   * an abnormal disconnect of its protocol if it is one (dropped 1006, protocol errors 1002, 1003,
   * 1007, too big 1009, server error 1011, rate limited 4003, too slow 4004). A refused handshake
   * (no agreement) is not counted.
   *
   * @param session the session that closed
   * @param code its WebSocket close code
   */
  public void closed(Session session, int code) {
    if (session.agreement().isPresent() && ProtocolEvents.isAbnormalClose(code)) {
      events.count(session.protocol().code(), ProtocolEvents.Event.ABNORMAL_CLOSE);
    }
  }

  /**
   * Connection milliseconds and bytes sent per key within {@code [fromMillis, toMillis]}, rounded
   * out to whole buckets.
   *
   * @return a new map the caller owns, each count indexed by {@link #CONNECTION_MILLIS} and {@link #BYTES_SENT}
   */
  public Map<ConnectionKey, long[]> connections(long fromMillis, long toMillis) {
    return connections.sum(fromMillis, toMillis);
  }

  /**
   * The events per protocol ({@code json}, {@code protobuf}) within {@code [fromMillis,
   * toMillis]}; a window that reaches the last sample also gets the events counted since (so a gate
   * sees an error at once, not at the next sample).
   *
   * @return a new map the caller owns, each count indexed by {@link #DECODED}, {@link
   *     #DECODE_ERRORS}, {@link #SWITCH_BACKS} and {@link #ABNORMAL_CLOSES}
   */
  public synchronized Map<String, long[]> events(long fromMillis, long toMillis) {
    Map<String, long[]> out = protocolEvents.sum(fromMillis, toMillis);
    if (toMillis >= lastSampleMillis) {
      for (String p : ProtocolEvents.PROTOCOLS) {
        long[] totals = events.totals(p);
        long[] last = lastEvents.get(p);
        long[] into = out.computeIfAbsent(p, k -> new long[totals.length]);
        for (int i = 0; i < totals.length; i++) {
          into[i] += totals[i] - last[i];
        }
      }
    }
    return out;
  }

  /** The open connections per key at the last sample. */
  public Map<ConnectionKey, Integer> lastSample() {
    return lastOpen;
  }

  /** Since when data is kept: the oldest bucket's start, or now if nothing was counted yet. */
  public long oldestMillis() {
    return Math.min(Math.min(connections.oldestMillis(), protocolEvents.oldestMillis()), clock.getAsLong());
  }

  /** When counting started (this object's construction), in clock milliseconds. */
  public long startedMillis() {
    return startedMillis;
  }

  /** The clock's milliseconds now. */
  public long nowMillis() {
    return clock.getAsLong();
  }

  /** The width of a bucket: windows are rounded out to whole buckets. */
  public long resolutionMillis() {
    return connections.resolutionMillis();
  }

  /** How long buckets are kept: the longest window that may be asked for. */
  public long retentionMillis() {
    return connections.retentionMillis();
  }

  private ConnectionKey key(Session s, Agreement a) {
    return new ConnectionKey(s.protocol().code(), s.reason(), versions.label(a.client().declaredVersion()),
        a.client().protobufOffered());
  }

  /** Stops sampling; the counts stay readable. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
