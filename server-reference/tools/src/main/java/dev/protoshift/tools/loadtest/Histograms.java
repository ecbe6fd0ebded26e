package dev.protoshift.tools.loadtest;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The histograms of a results file: HdrHistogram with two significant digits (values within
 * 1%), compressed and base64-encoded, about 100–400 characters for a connection's minute.
 */
public final class Histograms {

  /** Largest latency kept: 60 s in microseconds; larger values are recorded as this. */
  public static final long MAX_LATENCY_US = 60_000_000L;

  /** Largest decode time kept: 10 s in nanoseconds; larger values are recorded as this. */
  public static final long MAX_DECODE_NS = 10_000_000_000L;

  private static final int DIGITS = 2;

  private Histograms() {}

  /** A histogram for tick-to-receipt latency in microseconds (int counts: one connection's worth). */
  public static AbstractHistogram newLatencyUs() {
    return new IntCountsHistogram(1, MAX_LATENCY_US, DIGITS);
  }

  /** A histogram for decode time in nanoseconds. */
  public static AbstractHistogram newDecodeNs() {
    return new IntCountsHistogram(1, MAX_DECODE_NS, DIGITS);
  }

  /** Records a value, clamped to [0, the histogram's highest trackable value]. */
  public static void record(AbstractHistogram histogram, long value) {
    histogram.recordValue(Math.max(0, Math.min(value, histogram.getHighestTrackableValue())));
  }

  /** The compressed base64 encoding of a histogram. */
  public static String encode(AbstractHistogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer, 9);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  /**
   * Decodes {@link #encode}'s output.
   *
   * @throws IllegalArgumentException naming what was wrong if the text is not a histogram
   */
  public static Histogram decode(String base64) {
    if (base64 == null || base64.isEmpty()) {
      throw new IllegalArgumentException("histogram is missing or empty");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("histogram is not base64: " + e.getMessage() + " (\"" + shorten(base64) + "\")");
    }
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("histogram is not a compressed HdrHistogram: " + e
          + " (\"" + shorten(base64) + "\")");
    }
  }

  /** A decoded histogram as parallel arrays of distinct values (ascending) and their counts. */
  record Sparse(long[] values, long[] counts) {
    long total() {
      long t = 0;
      for (long c : counts) {
        t += c;
      }
      return t;
    }
  }

  /** The recorded values of a histogram, each the highest value equivalent to its bucket. */
  static Sparse sparse(AbstractHistogram histogram) {
    int n = 0;
    for (HistogramIterationValue ignored : histogram.recordedValues()) {
      n++;
    }
    long[] values = new long[n];
    long[] counts = new long[n];
    int i = 0;
    for (HistogramIterationValue v : histogram.recordedValues()) {
      values[i] = v.getValueIteratedTo();
      counts[i] = v.getCountAtValueIteratedTo();
      i++;
    }
    return new Sparse(values, counts);
  }

  private static String shorten(String s) {
    return s.length() <= 24 ? s : s.substring(0, 24) + "...";
  }
}
