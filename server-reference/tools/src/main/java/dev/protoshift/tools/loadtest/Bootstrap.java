package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A cluster bootstrap over connections: each resample draws, for each side independently, as
 * many connections as the side has, with replacement, pools what they saw, and recomputes every
 * {@link Metric}. Connections, not messages, are resampled because one connection's messages are
 * not independent (they share its socket, its room's ticks, its GC pauses); this is what an A/B
 * test does with users. Intervals are percentile intervals. Each resample has its own random
 * stream split from the seed in order, so the result does not depend on the number of threads.
 */
final class Bootstrap {

  /** Fewer connections than this on a side: no intervals (nothing to resample). */
  static final int MIN_CONNECTIONS = 2;

  private Bootstrap() {}

  static List<MetricComparison> compare(SamplePool candidate, SamplePool baseline, BootstrapSettings settings) {
    Metric[] metrics = Metric.values();
    SamplePool.Stats c0 = candidate.pointEstimate();
    SamplePool.Stats b0 = baseline.pointEstimate();
    boolean resample = candidate.size() >= MIN_CONNECTIONS && baseline.size() >= MIN_CONNECTIONS;
    double[][] c = new double[metrics.length][];
    double[][] b = new double[metrics.length][];
    if (resample) {
      int r = settings.resamples();
      for (int m = 0; m < metrics.length; m++) {
        c[m] = new double[r];
        b[m] = new double[r];
      }
      SplittableRandom root = new SplittableRandom(settings.seed());
      SplittableRandom[] streams = new SplittableRandom[r];
      for (int i = 0; i < r; i++) {
        streams[i] = root.split();
      }
      IntStream.range(0, r).parallel().forEach(i -> {
        SamplePool.Stats cs = candidate.resample(streams[i]);
        SamplePool.Stats bs = baseline.resample(streams[i]);
        for (int m = 0; m < metrics.length; m++) {
          c[m][i] = metrics[m].of(cs);
          b[m][i] = metrics[m].of(bs);
        }
      });
    }
    List<MetricComparison> out = new ArrayList<>(metrics.length);
    for (int m = 0; m < metrics.length; m++) {
      Metric metric = metrics[m];
      if (!resample) {
        out.add(new MetricComparison(metric, metric.of(c0), metric.of(b0), null, null, null, null));
        continue;
      }
      double[] diff = new double[settings.resamples()];
      double[] ratio = new double[settings.resamples()];
      boolean ratioDefined = true;
      for (int i = 0; i < diff.length; i++) {
        diff[i] = c[m][i] - b[m][i];
        ratio[i] = c[m][i] / b[m][i];
        ratioDefined &= b[m][i] > 0;
      }
      out.add(new MetricComparison(metric, metric.of(c0), metric.of(b0),
          interval(c[m], settings.confidence()), interval(b[m], settings.confidence()),
          interval(diff, settings.confidence()), ratioDefined ? interval(ratio, settings.confidence()) : null));
    }
    return out;
  }

  /** The percentile interval of the values, or null if any is NaN. */
  static Interval interval(double[] values, double confidence) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0 || Double.isNaN(sorted[sorted.length - 1])) {
      return null; // Arrays.sort puts NaN last
    }
    double alpha = 1 - confidence;
    int low = (int) Math.floor(alpha / 2 * sorted.length);
    int high = (int) Math.ceil((1 - alpha / 2) * sorted.length) - 1;
    low = Math.max(0, Math.min(low, sorted.length - 1));
    high = Math.max(low, Math.min(high, sorted.length - 1));
    return new Interval(sorted[low], sorted[high]);
  }
}
