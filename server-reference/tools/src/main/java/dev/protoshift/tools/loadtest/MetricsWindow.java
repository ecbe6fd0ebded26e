package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The server's figures over a window, from scrapes of its {@code /metrics}: counters and
 * histograms as the increase from the first scrape to the last (a counter that went down was
 * reset, as Prometheus's {@code increase} assumes), gauges as the average or maximum over all
 * scrapes, percentiles from histogram buckets by linear interpolation (Prometheus's
 * {@code histogram_quantile}). Metric names are those of the reference server (docs/metrics.md)
 * and Micrometer's JVM and processor binders.
 */
final class MetricsWindow {

  private final List<MetricsSnapshot> scrapes;
  private final MetricsSnapshot first;
  private final MetricsSnapshot last;

  /**
   * @throws IllegalArgumentException with fewer than two scrapes
   */
  MetricsWindow(List<MetricsSnapshot> scrapes) {
    if (scrapes.size() < 2) {
      throw new IllegalArgumentException("a window needs at least two scrapes, had " + scrapes.size());
    }
    this.scrapes = List.copyOf(scrapes);
    this.first = scrapes.get(0);
    this.last = scrapes.get(scrapes.size() - 1);
  }

  double seconds() {
    return (last.atNanos() - first.atNanos()) / 1e9;
  }

  /** The figures over the window. */
  ServerFigures figures(String metricsUrl) {
    double seconds = seconds();
    double cpuCores;
    if (last.has("process_cpu_time_ns_total") && seconds > 0) {
      cpuCores = increase("process_cpu_time_ns_total", MetricsSnapshot.any()) / 1e9 / seconds;
    } else {
      double cores = last.max("system_cpu_count", MetricsSnapshot.any());
      cpuCores = average("process_cpu_usage") * (Double.isNaN(cores) ? 1 : cores);
    }
    long heapMax = (long) scrapes.stream()
        .mapToDouble(s -> s.sum("jvm_memory_used_bytes", MetricsSnapshot.label("area", "heap"))).max().orElse(0);
    double gcMaxSeconds = scrapes.stream().mapToDouble(s -> s.max("jvm_gc_pause_seconds_max", MetricsSnapshot.any()))
        .filter(Double::isFinite).max().orElse(0);
    List<ServerProtocolFigures> protocols = new ArrayList<>();
    for (String p : CohortResults.PROTOCOLS) {
      Predicate<Map<String, String>> f = MetricsSnapshot.label("protocol", p);
      long encodes = Math.round(increase("protoshift_encode_seconds_count", f));
      long decodes = Math.round(increase("protoshift_decode_seconds_count", f));
      long sent = Math.round(increase("protoshift_ws_sent_bytes_total", f));
      long errors = Math.round(increase("protoshift_decode_errors_total", f));
      long dropped = Math.round(increase("protoshift_updates_dropped_total", f));
      if (encodes + decodes + sent + errors + dropped == 0) {
        continue;
      }
      protocols.add(new ServerProtocolFigures(p, encodes, ms(quantile("protoshift_encode_seconds_bucket", f, 0.50)),
          ms(quantile("protoshift_encode_seconds_bucket", f, 0.99)), decodes,
          ms(quantile("protoshift_decode_seconds_bucket", f, 0.99)), sent, errors, dropped));
    }
    return new ServerFigures(metricsUrl, seconds, finite(cpuCores), finite(max("process_cpu_usage")),
        finite(average("system_cpu_usage")), heapMax,
        Math.round(increase("jvm_gc_pause_seconds_count", MetricsSnapshot.any())),
        increase("jvm_gc_pause_seconds_sum", MetricsSnapshot.any()) * 1000, gcMaxSeconds * 1000,
        Math.round(increase("protoshift_protocol_switches_total", MetricsSnapshot.any())), protocols);
  }

  /** The increase of the matching counters from the first scrape to the last. */
  double increase(String name, Predicate<Map<String, String>> filter) {
    Map<String, PrometheusText.Sample> before = first.series(name, filter);
    double total = 0;
    for (Map.Entry<String, PrometheusText.Sample> e : last.series(name, filter).entrySet()) {
      double now = e.getValue().value();
      PrometheusText.Sample then = before.get(e.getKey());
      double start = then == null ? 0 : then.value();
      double inc = now >= start ? now - start : now;
      if (Double.isFinite(inc)) {
        total += inc;
      }
    }
    return total;
  }

  /**
   * The q-quantile of the matching histogram's observations in the window, in the histogram's
   * unit; NaN when it has none.
   */
  double quantile(String bucketName, Predicate<Map<String, String>> filter, double q) {
    Map<String, PrometheusText.Sample> before = first.series(bucketName, filter);
    TreeMap<Double, Double> cumulative = new TreeMap<>();
    for (Map.Entry<String, PrometheusText.Sample> e : last.series(bucketName, filter).entrySet()) {
      String le = e.getValue().labels().get("le");
      if (le == null) {
        continue;
      }
      double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      PrometheusText.Sample then = before.get(e.getKey());
      double start = then == null ? 0 : then.value();
      double now = e.getValue().value();
      cumulative.merge(bound, now >= start ? now - start : now, Double::sum);
    }
    return quantile(cumulative, q);
  }

  /** Prometheus's histogram_quantile over cumulative bucket counts (upper bound to count). */
  static double quantile(TreeMap<Double, Double> cumulative, double q) {
    if (cumulative.isEmpty()) {
      return Double.NaN;
    }
    double total = cumulative.lastEntry().getValue();
    if (!(total > 0)) {
      return Double.NaN;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    Double highestFinite = null;
    for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
      double upper = b.getKey();
      double count = b.getValue();
      if (count >= rank) {
        if (Double.isInfinite(upper)) {
          return highestFinite == null ? Double.NaN : highestFinite;
        }
        if (count == lowerCount) {
          return upper;
        }
        return lowerBound + (upper - lowerBound) * (rank - lowerCount) / (count - lowerCount);
      }
      lowerBound = upper;
      lowerCount = count;
      if (Double.isFinite(upper)) {
        highestFinite = upper;
      }
    }
    return highestFinite == null ? Double.NaN : highestFinite;
  }

  private double average(String gauge) {
    // the first scrape's "recent" usage predates the window
    return scrapes.subList(1, scrapes.size()).stream().mapToDouble(s -> s.max(gauge, MetricsSnapshot.any()))
        .filter(Double::isFinite).average().orElse(Double.NaN);
  }

  private double max(String gauge) {
    return scrapes.subList(1, scrapes.size()).stream().mapToDouble(s -> s.max(gauge, MetricsSnapshot.any()))
        .filter(Double::isFinite).max().orElse(Double.NaN);
  }

  private static double ms(double seconds) {
    return Double.isNaN(seconds) ? 0 : seconds * 1000;
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }
}
