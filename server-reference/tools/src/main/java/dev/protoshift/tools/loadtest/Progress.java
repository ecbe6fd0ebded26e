package dev.protoshift.tools.loadtest;

import dev.protoshift.tools.loadtest.ConnectionRecorder.Live;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The load tool's progress line, e.g.
 * {@code [window 12s/60s] open 998/1000 (protobuf/1.2.0 499, json/1.2.0 499) | 19,960 msg/s
 * 4.1 MB/s | gaps 0 repeats 0 errors 0 disconnects 0 | failed connects 0}: rates since the
 * previous line, counts since the start.
 */
final class Progress {

  private final List<ConnectionRecorder> recorders;
  private final LongSupplier failedConnects;
  private long lastNanos = -1;
  private long lastMessages;
  private long lastBytes;

  Progress(List<ConnectionRecorder> recorders, LongSupplier failedConnects) {
    this.recorders = List.copyOf(recorders);
    this.failedConnects = failedConnects;
  }

  /** The line at {@code nowNanos}; {@code phase} says where the run is, e.g. {@code window 12s/60s}. */
  String line(String phase, long nowNanos) {
    Map<String, Integer> cohorts = new TreeMap<>();
    long[] totals = new long[Live.values().length];
    int open = 0;
    for (ConnectionRecorder r : recorders) {
      String key = r.cohortKey();
      if (key != null) {
        open++;
        cohorts.merge(key, 1, Integer::sum);
      }
      for (Live l : Live.values()) {
        totals[l.ordinal()] += r.live(l);
      }
    }
    long messages = totals[Live.MESSAGES.ordinal()];
    long bytes = totals[Live.BYTES.ordinal()];
    double seconds = lastNanos < 0 ? 0 : (nowNanos - lastNanos) / 1e9;
    double msgRate = seconds > 0 ? (messages - lastMessages) / seconds : 0;
    double byteRate = seconds > 0 ? (bytes - lastBytes) / seconds : 0;
    lastNanos = nowNanos;
    lastMessages = messages;
    lastBytes = bytes;
    StringBuilder c = new StringBuilder();
    cohorts.forEach((k, n) -> c.append(c.length() == 0 ? "" : ", ").append(k).append(' ').append(n));
    return String.format(Locale.ROOT,
        "[%s] open %d/%d (%s) | %,.0f msg/s %s | gaps %d repeats %d errors %d disconnects %d | failed connects %d",
        phase, open, recorders.size(), c.length() == 0 ? "none" : c, msgRate, bytesPerSecond(byteRate),
        totals[Live.GAPS.ordinal()], totals[Live.REPEATS.ordinal()], totals[Live.DECODE_ERRORS.ordinal()],
        totals[Live.DISCONNECTS.ordinal()], failedConnects.getAsLong());
  }

  static String bytesPerSecond(double v) {
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "%.1f MB/s", v / 1e6);
    }
    if (v >= 1e3) {
      return String.format(Locale.ROOT, "%.1f kB/s", v / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f B/s", v);
  }
}
