package dev.protoshift.tools.loadtest;

/**
 * What one connection saw while it belonged to one cohort: the unit the compare tool resamples
 * (a cluster bootstrap over connections, as an A/B test resamples users).
 *
 * @param connection the connection's number in the run (0-based), for finding it in logs
 * @param seconds time the connection spent in this cohort during the measured window
 * @param messages state updates received
 * @param bytes bytes of those messages (WebSocket payloads)
 * @param decodeErrors frames that failed to decode
 * @param gaps ticks missing between consecutive updates
 * @param repeats updates not newer than the previous one
 * @param disconnects times the connection dropped (not closed by the tool)
 * @param latencyUs HdrHistogram (compressed, base64) of tick-to-receipt latency, microseconds
 * @param decodeNs HdrHistogram (compressed, base64) of client decode time, nanoseconds
 */
public record ConnectionSample(int connection, double seconds, long messages, long bytes, long decodeErrors,
    long gaps, long repeats, long disconnects, String latencyUs, String decodeNs) {

  /**
   * @throws IllegalArgumentException naming the first bad value (negative counts or time,
   *     missing histograms)
   */
  public ConnectionSample {
    if (connection < 0) {
      throw new IllegalArgumentException("connection must be >= 0, was " + connection);
    }
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new IllegalArgumentException("seconds must be a finite number >= 0, was " + seconds
          + " (connection " + connection + ")");
    }
    nonNegative("messages", messages, connection);
    nonNegative("bytes", bytes, connection);
    nonNegative("decodeErrors", decodeErrors, connection);
    nonNegative("gaps", gaps, connection);
    nonNegative("repeats", repeats, connection);
    nonNegative("disconnects", disconnects, connection);
    if (latencyUs == null || decodeNs == null) {
      throw new IllegalArgumentException("latencyUs and decodeNs histograms are required (connection "
          + connection + ")");
    }
  }

  private static void nonNegative(String name, long value, int connection) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value + " (connection " + connection + ")");
    }
  }
}
