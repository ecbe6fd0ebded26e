package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * The connections of one side of a comparison, laid out for fast resampling: their counters as
 * arrays, and their histograms as sparse (value index, count) lists over one table of the
 * side's distinct values. One bootstrap replicate draws as many connections as there are, with
 * replacement, and computes every statistic of {@link Stats} from the drawn ones.
 */
final class SamplePool {

  /** The statistics of one (re)sample. Latency in microseconds, decode in nanoseconds; NaN when empty. */
  record Stats(double seconds, long messages, long bytes, long decodeErrors, long gaps, long repeats,
      long disconnects, double latencyP50Us, double latencyP99Us, double latencyMaxUs, double decodeP50Ns,
      double decodeP99Ns, double decodeMaxNs) {

    double bandwidth() {
      return seconds > 0 ? bytes / seconds : Double.NaN;
    }
  }

  private final int n;
  private final double[] seconds;
  private final long[] messages;
  private final long[] bytes;
  private final long[] errors;
  private final long[] gaps;
  private final long[] repeats;
  private final long[] disconnects;
  private final Column latency;
  private final Column decode;

  private SamplePool(List<ConnectionSample> samples, List<Histogram> latencies, List<Histogram> decodes) {
    n = samples.size();
    seconds = new double[n];
    messages = new long[n];
    bytes = new long[n];
    errors = new long[n];
    gaps = new long[n];
    repeats = new long[n];
    disconnects = new long[n];
    for (int i = 0; i < n; i++) {
      ConnectionSample s = samples.get(i);
      seconds[i] = s.seconds();
      messages[i] = s.messages();
      bytes[i] = s.bytes();
      errors[i] = s.decodeErrors();
      gaps[i] = s.gaps();
      repeats[i] = s.repeats();
      disconnects[i] = s.disconnects();
    }
    latency = new Column(latencies);
    decode = new Column(decodes);
  }

  /**
   * A pool of the given connections.
   *
   * @throws IllegalArgumentException naming the connection whose histogram cannot be decoded
   */
  static SamplePool of(List<ConnectionSample> samples) {
    List<Histogram> latencies = new ArrayList<>(samples.size());
    List<Histogram> decodes = new ArrayList<>(samples.size());
    for (ConnectionSample s : samples) {
      try {
        latencies.add(Histograms.decode(s.latencyUs()));
        decodes.add(Histograms.decode(s.decodeNs()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("connection " + s.connection() + ": " + e.getMessage(), e);
      }
    }
    return new SamplePool(samples, latencies, decodes);
  }

  int size() {
    return n;
  }

  /** The statistics of the pool itself (every connection once). */
  Stats pointEstimate() {
    int[] weights = new int[n];
    Arrays.fill(weights, 1);
    return stats(weights);
  }

  /** The statistics of one bootstrap resample drawn with {@code random}. */
  Stats resample(SplittableRandom random) {
    int[] weights = new int[n];
    for (int i = 0; i < n; i++) {
      weights[random.nextInt(n)]++;
    }
    return stats(weights);
  }

  Percentiles latencyPercentiles() {
    return latency.percentiles(1_000.0);
  }

  Percentiles decodePercentiles() {
    return decode.percentiles(1_000_000.0);
  }

  private Stats stats(int[] w) {
    double sec = 0;
    long msg = 0;
    long b = 0;
    long err = 0;
    long gap = 0;
    long rep = 0;
    long disc = 0;
    for (int i = 0; i < n; i++) {
      int k = w[i];
      if (k == 0) {
        continue;
      }
      sec += k * seconds[i];
      msg += k * messages[i];
      b += k * bytes[i];
      err += k * errors[i];
      gap += k * gaps[i];
      rep += k * repeats[i];
      disc += k * disconnects[i];
    }
    double[] lat = latency.quantiles(w);
    double[] dec = decode.quantiles(w);
    return new Stats(sec, msg, b, err, gap, rep, disc, lat[0], lat[1], lat[2], dec[0], dec[1], dec[2]);
  }

  /** One histogram per connection, as indexes into the pool's table of distinct values. */
  private static final class Column {
    private final long[] values;
    private final int[][] index;
    private final long[][] counts;

    Column(List<Histogram> histograms) {
      TreeSet<Long> distinct = new TreeSet<>();
      List<Histograms.Sparse> sparse = new ArrayList<>(histograms.size());
      for (Histogram h : histograms) {
        Histograms.Sparse s = Histograms.sparse(h);
        sparse.add(s);
        for (long v : s.values()) {
          distinct.add(v);
        }
      }
      values = distinct.stream().mapToLong(Long::longValue).toArray();
      index = new int[sparse.size()][];
      counts = new long[sparse.size()][];
      for (int i = 0; i < sparse.size(); i++) {
        Histograms.Sparse s = sparse.get(i);
        index[i] = new int[s.values().length];
        for (int j = 0; j < s.values().length; j++) {
          index[i][j] = Arrays.binarySearch(values, s.values()[j]);
        }
        counts[i] = s.counts();
      }
    }

    /** p50, p99 and max of the weighted union; NaN when it is empty. */
    double[] quantiles(int[] w) {
      long[] merged = new long[values.length];
      long total = 0;
      for (int i = 0; i < w.length; i++) {
        int k = w[i];
        if (k == 0) {
          continue;
        }
        int[] idx = index[i];
        long[] cnt = counts[i];
        for (int j = 0; j < idx.length; j++) {
          merged[idx[j]] += k * cnt[j];
        }
        for (long c : cnt) {
          total += k * c;
        }
      }
      if (total == 0) {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
      }
      long rank50 = rank(0.50, total);
      long rank99 = rank(0.99, total);
      double p50 = Double.NaN;
      double p99 = Double.NaN;
      double max = Double.NaN;
      long cumulative = 0;
      for (int v = 0; v < merged.length; v++) {
        if (merged[v] == 0) {
          continue;
        }
        cumulative += merged[v];
        if (Double.isNaN(p50) && cumulative >= rank50) {
          p50 = values[v];
        }
        if (Double.isNaN(p99) && cumulative >= rank99) {
          p99 = values[v];
        }
        max = values[v];
      }
      return new double[] {p50, p99, max};
    }

    Percentiles percentiles(double unitsPerMilli) {
      int[] ones = new int[index.length];
      Arrays.fill(ones, 1);
      double[] q = quantiles(ones);
      if (Double.isNaN(q[0])) {
        return Percentiles.EMPTY;
      }
      long total = 0;
      for (long[] c : counts) {
        for (long x : c) {
          total += x;
        }
      }
      return new Percentiles(total, q[0] / unitsPerMilli, q[1] / unitsPerMilli, q[2] / unitsPerMilli);
    }

    /** The smallest rank whose value is at or above quantile q (HdrHistogram's definition). */
    private static long rank(double q, long total) {
      return Math.max(1, (long) Math.ceil(q * total));
    }
  }
}
