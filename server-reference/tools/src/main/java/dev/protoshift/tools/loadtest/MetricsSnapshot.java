package dev.protoshift.tools.loadtest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One scrape of the server's {@code /metrics}, taken at {@code atNanos} (the scraper's
 * {@link System#nanoTime}), with the lookups the server figures need.
 */
final class MetricsSnapshot {

  private final long atNanos;
  private final List<PrometheusText.Sample> samples;

  MetricsSnapshot(long atNanos, List<PrometheusText.Sample> samples) {
    this.atNanos = atNanos;
    this.samples = List.copyOf(samples);
  }

  /**
   * Parses a scrape.
   *
   * @throws IllegalArgumentException if the text is not a Prometheus exposition
   */
  static MetricsSnapshot parse(long atNanos, String text) {
    return new MetricsSnapshot(atNanos, PrometheusText.parse(text));
  }

  long atNanos() {
    return atNanos;
  }

  List<PrometheusText.Sample> samples() {
    return samples;
  }

  /** True if a series of this name exists. */
  boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  /** The sum of the series of {@code name} whose labels pass {@code filter}; 0 if none. */
  double sum(String name, Predicate<Map<String, String>> filter) {
    return samples.stream().filter(s -> s.name().equals(name) && filter.test(s.labels()))
        .mapToDouble(PrometheusText.Sample::value).filter(Double::isFinite).sum();
  }

  /** The largest value of the matching series, or NaN if none. */
  double max(String name, Predicate<Map<String, String>> filter) {
    return samples.stream().filter(s -> s.name().equals(name) && filter.test(s.labels()))
        .mapToDouble(PrometheusText.Sample::value).filter(Double::isFinite).max().orElse(Double.NaN);
  }

  /** The value of each matching series, by series identity. */
  Map<String, PrometheusText.Sample> series(String name, Predicate<Map<String, String>> filter) {
    Map<String, PrometheusText.Sample> out = new TreeMap<>();
    samples.stream().filter(s -> s.name().equals(name) && filter.test(s.labels()))
        .forEach(s -> out.put(s.series(), s));
    return out;
  }

  /** A filter on one label. */
  static Predicate<Map<String, String>> label(String key, String value) {
    return labels -> value.equals(labels.get(key));
  }

  /** No filter. */
  static Predicate<Map<String, String>> any() {
    return labels -> true;
  }
}
