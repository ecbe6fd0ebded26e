package dev.protoshift.server.window;

import dev.protoshift.session.Session;
import dev.protoshift.session.Sessions;
import dev.protoshift.versioning.Agreement;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The server's own windowed counts, from which the readiness report and the ramp's health gates
 * are computed: a sampler looks at every open session once per sample interval and adds, per
 * {@link ConnectionKey}, the connection time since the last sample and the bytes sent since then
 * (so the JSON share of connections is the JSON share of connection time); and it adds, per
 * protocol, the {@link ProtocolEvents} counted since the last sample. Thread-safe.
 *
 * <p>A connection that lives shorter than one sample interval may be missed; one that switches
 * protocol between samples is counted under its new protocol from the next sample on.
 */
public final class ServerWindows implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ServerWindows.class.getName());

  /** Indexes of a connection key's counts. */
  public static final int CONNECTION_MILLIS = 0;
  public static final int BYTES_SENT = 1;

  private final Sessions<?> sessions;
  private final ProtocolEvents events;
  private final LongSupplier clock;
  private final long sampleMillis;
  private final TimeBuckets<ConnectionKey> connections;
  private final TimeBuckets<String> protocolEvents;
  private final VersionLabels versions = new VersionLabels();
  private final Map<Session, Long> lastBytes = new IdentityHashMap<>();
  private final Map<String, long[]> lastEvents = new HashMap<>();
  private final ConnectionGauges gauges;
  private final ScheduledThreadPoolExecutor timer;
  private final long startedMillis;
  private long lastSampleMillis = -1;
  private volatile Map<ConnectionKey, Integer> lastOpen = Map.of();

  /**
   * @param settings sample interval, bucket width and retention
   * @param clock wall-clock milliseconds (e.g. {@code System::currentTimeMillis})
   * @param gauges where the open connections by reason and client version are published ({@link ConnectionGauges#NONE} for none)
   */
  public ServerWindows(Sessions<?> sessions, ProtocolEvents events, WindowSettings settings, LongSupplier clock,
      ConnectionGauges gauges) {
    this.sessions = sessions;
    this.events = events;
    this.clock = clock;
    this.sampleMillis = settings.sampleInterval().toMillis();
    long resolution = settings.resolution().toMillis();
    long retention = settings.retention().toMillis();
    this.connections = new TimeBuckets<>(resolution, retention, 2);
    this.protocolEvents = new TimeBuckets<>(resolution, retention, ProtocolEvents.Event.values().length);
    this.gauges = gauges;
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

  /** Samples every sample interval from now on. */
  public void start() {
    timer.scheduleAtFixedRate(() -> {
      try {
        sample();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "sampling the sessions failed; trying again at the next sample", e);
      }
    }, 0, sampleMillis, TimeUnit.MILLISECONDS);
  }

  /** Takes one sample now (the timer does this by itself). */
  public synchronized void sample() {
    long now = clock.getAsLong();
    long span = lastSampleMillis < 0 ? sampleMillis : Math.max(0, Math.min(now - lastSampleMillis, 2 * sampleMillis));
    lastSampleMillis = now;
    Collection<Session> open = sessions.sessions();
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
    gauges.publish(counts);
  }

  /** A connection ended with {@code code}: counted as an abnormal disconnect of its protocol if it is one. */
  public void closed(Session session, int code) {
    if (session.agreement().isPresent() && ProtocolEvents.isAbnormalClose(code)) {
      events.count(session.protocol().code(), ProtocolEvents.Event.ABNORMAL_CLOSE);
    }
  }

  /** Connection milliseconds and bytes sent per key within {@code [fromMillis, toMillis]}. */
  public Map<ConnectionKey, long[]> connections(long fromMillis, long toMillis) {
    return connections.sum(fromMillis, toMillis);
  }

  /**
   * The {@link ProtocolEvents} per protocol within {@code [fromMillis, toMillis]}; a window that
   * reaches the last sample also gets the events counted since (so a gate sees an error at once,
   * not at the next sample).
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

  /** When counting started (the server's start). */
  public long startedMillis() {
    return startedMillis;
  }

  public long nowMillis() {
    return clock.getAsLong();
  }

  public long resolutionMillis() {
    return connections.resolutionMillis();
  }

  public long retentionMillis() {
    return connections.retentionMillis();
  }

  private ConnectionKey key(Session s, Agreement a) {
    return new ConnectionKey(s.protocol().code(), s.reason(), versions.label(a.client().declaredVersion()),
        a.client().protobufOffered());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
