package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/**
 * What one load-test connection saw, split by the cohort (protocol, version) it was in at the
 * time, counted only inside the measured window. Ticks are checked across protocol switches (a
 * switch must not lose or repeat an update) and restart after a reconnect (a new stream). Time
 * in a cohort counts while connected, so a reconnecting client's bandwidth is per connected
 * second. Thread-safe: the connection's callbacks and the tool's window calls may overlap.
 */
final class ConnectionRecorder {

  /** One connection's figures in one cohort. */
  record CohortSample(String protocol, String version, ConnectionSample sample, long reconnects) {
    String key() {
      return protocol + "/" + version;
    }
  }

  private static final class Segment {
    final String protocol;
    final String version;
    final AbstractHistogram latencyUs = Histograms.newLatencyUs();
    final AbstractHistogram decodeNs = Histograms.newDecodeNs();
    long nanos;
    long messages;
    long bytes;
    long decodeErrors;
    long gaps;
    long repeats;
    long disconnects;
    long reconnects;

    Segment(String protocol, String version) {
      this.protocol = protocol;
      this.version = version;
    }
  }

  private final int connection;
  private final Map<String, Segment> segments = new LinkedHashMap<>();
  private long windowStart = Long.MAX_VALUE;
  private long windowEnd = Long.MAX_VALUE;
  private Segment current;
  private long since;
  private long lastTick = -1;
  private int opens;
  private final long[] live = new long[Live.values().length];

  /** All-time counters for the progress line (not limited to the window). */
  enum Live { MESSAGES, BYTES, GAPS, REPEATS, DECODE_ERRORS, DISCONNECTS }

  ConnectionRecorder(int connection) {
    this.connection = connection;
  }

  int connection() {
    return connection;
  }

  /** The measured window begins (nanoTime). */
  synchronized void startWindow(long nanos) {
    windowStart = nanos;
  }

  /** The measured window ends (nanoTime): nothing after it counts. */
  synchronized void endWindow(long nanos) {
    close(nanos);
    windowEnd = nanos;
  }

  /** The connection opened (first time or again) in a cohort. */
  synchronized void connected(String protocol, String version, long nanos) {
    opens++;
    lastTick = -1;
    enter(protocol, version, nanos);
    if (opens > 1 && in(nanos)) {
      current.reconnects++;
    }
  }

  /** The server switched the connection to another protocol in-band; the tick sequence continues. */
  synchronized void switched(String protocol, String version, long nanos) {
    close(nanos);
    enter(protocol, version, nanos);
  }

  /** A state update arrived and was decoded. */
  synchronized void update(long nanos, int bytes, long tick, long latencyUs, long decodeNs) {
    live[Live.MESSAGES.ordinal()]++;
    live[Live.BYTES.ordinal()] += bytes;
    if (lastTick >= 0) {
      if (tick <= lastTick) {
        live[Live.REPEATS.ordinal()]++;
      } else {
        live[Live.GAPS.ordinal()] += tick - lastTick - 1;
      }
    }
    boolean counted = in(nanos) && current != null;
    if (counted) {
      current.messages++;
      current.bytes += bytes;
      Histograms.record(current.latencyUs, latencyUs);
      Histograms.record(current.decodeNs, decodeNs);
    }
    if (lastTick >= 0) {
      if (tick <= lastTick) {
        if (counted) {
          current.repeats++;
        }
        return;
      }
      if (counted) {
        current.gaps += tick - lastTick - 1;
      }
    }
    lastTick = tick;
  }

  /** A message that is not a state update (a control message): its bytes count, it is no update. */
  synchronized void other(long nanos, int bytes) {
    live[Live.BYTES.ordinal()] += bytes;
    if (in(nanos) && current != null) {
      current.bytes += bytes;
    }
  }

  /** A frame that could not be decoded. */
  synchronized void decodeError(long nanos, int bytes) {
    live[Live.MESSAGES.ordinal()]++;
    live[Live.BYTES.ordinal()] += bytes;
    live[Live.DECODE_ERRORS.ordinal()]++;
    if (in(nanos) && current != null) {
      current.messages++;
      current.bytes += bytes;
      current.decodeErrors++;
    }
  }

  /** The connection dropped; {@code expected} when the tool closed it. */
  synchronized void disconnected(long nanos, boolean expected) {
    if (!expected) {
      live[Live.DISCONNECTS.ordinal()]++;
    }
    if (!expected && in(nanos) && current != null) {
      current.disconnects++;
    }
    close(nanos);
    current = null;
  }

  /** An all-time counter. */
  synchronized long live(Live counter) {
    return live[counter.ordinal()];
  }

  /** True if the connection is in a cohort now. */
  synchronized boolean connectedNow() {
    return current != null;
  }

  /** The current cohort key, or null when disconnected. */
  synchronized String cohortKey() {
    return current == null ? null : current.protocol + "/" + current.version;
  }

  /** The figures of each cohort the connection was in during the window. */
  synchronized List<CohortSample> samples() {
    List<CohortSample> out = new ArrayList<>();
    long openNanos = current == null ? 0 : clipped(since, Math.min(System.nanoTime(), windowEnd));
    for (Segment s : segments.values()) {
      long nanos = s.nanos + (s == current ? openNanos : 0);
      if (nanos == 0 && s.messages == 0 && s.disconnects == 0) {
        continue;
      }
      out.add(new CohortSample(s.protocol, s.version, new ConnectionSample(connection, nanos / 1e9, s.messages,
          s.bytes, s.decodeErrors, s.gaps, s.repeats, s.disconnects, Histograms.encode(s.latencyUs),
          Histograms.encode(s.decodeNs)), s.reconnects));
    }
    return out;
  }

  private void enter(String protocol, String version, long nanos) {
    current = segments.computeIfAbsent(protocol + "/" + version, k -> new Segment(protocol, version));
    since = nanos;
  }

  private void close(long nanos) {
    if (current != null) {
      current.nanos += clipped(since, nanos);
      since = nanos;
    }
  }

  private long clipped(long from, long to) {
    long a = Math.max(from, windowStart);
    long b = Math.min(to, windowEnd);
    return b > a ? b - a : 0;
  }

  private boolean in(long nanos) {
    return nanos >= windowStart && nanos < windowEnd;
  }
}
