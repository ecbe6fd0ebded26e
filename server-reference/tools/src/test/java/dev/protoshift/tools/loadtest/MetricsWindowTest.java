package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Fixtures: two scrapes of a Micrometer Prometheus registry with the reference server's meter
 * names. Before the first, 500 protobuf encodes of 5 ms (outside the window); between them,
 * 980 protobuf encodes of 40 µs and 20 of 2 ms, 1000 JSON encodes of 90 µs, 100 protobuf decodes
 * of 10 µs, 240,000 protobuf and 610,000 JSON bytes sent, 3 protocol switches, 2 protobuf decode
 * errors, 5 JSON updates dropped, 9 GC pauses.
 */
class MetricsWindowTest {

  static String fixture(String name) throws IOException {
    try (InputStream in = MetricsWindowTest.class.getResourceAsStream("/loadtest/prometheus/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static MetricsWindow window() throws IOException {
    return new MetricsWindow(List.of(MetricsSnapshot.parse(0, fixture("start.txt")),
        MetricsSnapshot.parse(10_000_000_000L, fixture("end.txt"))));
  }

  @Test
  void figures_countOnlyWhatHappenedInTheWindow() throws IOException {
    ServerFigures f = window().figures("http://x/metrics");
    assertThat(f.windowSeconds()).isEqualTo(10.0);
    ServerProtocolFigures protobuf = f.protocol("protobuf").orElseThrow();
    assertThat(protobuf.encodes()).isEqualTo(1000);
    assertThat(protobuf.bytesSent()).isEqualTo(240_000);
    assertThat(protobuf.decodes()).isEqualTo(100);
    assertThat(protobuf.decodeErrors()).isEqualTo(2);
    ServerProtocolFigures json = f.protocol("json").orElseThrow();
    assertThat(json.encodes()).isEqualTo(1000);
    assertThat(json.bytesSent()).isEqualTo(610_000);
    assertThat(json.droppedUpdates()).isEqualTo(5);
    assertThat(f.protocolSwitches()).isEqualTo(3);
    assertThat(f.gcPauses()).isEqualTo(9);
    assertThat(f.gcPauseTotalMs()).isPositive();
    assertThat(f.heapUsedMaxBytes()).isPositive();
  }

  @Test
  void figures_percentilesFromTheBucketsOfTheWindowAcrossVersions() throws IOException {
    ServerFigures f = window().figures("http://x/metrics");
    ServerProtocolFigures protobuf = f.protocol("protobuf").orElseThrow();
    // 2% of encodes took 2 ms: p99 lies in the bucket holding 2 ms; the 5 ms ones predate the window.
    assertThat(protobuf.encodeP99Ms()).isBetween(1.7, 2.3);
    assertThat(protobuf.encodeP50Ms()).isBetween(0.035, 0.045);
    // all JSON encodes (90 µs) fall in the bucket (87.4 µs, 109.2 µs]: interpolation puts p99 near its top
    assertThat(f.protocol("json").orElseThrow().encodeP99Ms()).isBetween(0.087, 0.110);
    assertThat(protobuf.decodeP99Ms()).isBetween(0.009, 0.011);
  }

  @Test
  void figures_cpuFromProcessCpuTime() throws IOException {
    // process_cpu_time_ns_total went from 7.9E8 to 3.61E9 in 10 s
    assertThat(window().figures("u").cpuCoresAvg()).isCloseTo(0.282, within(1e-9));
  }

  @Test
  void increase_counterReset_countsFromZero() {
    MetricsWindow w = new MetricsWindow(List.of(MetricsSnapshot.parse(0, "c_total 100\n"),
        MetricsSnapshot.parse(1, "c_total 30\n")));
    assertThat(w.increase("c_total", MetricsSnapshot.any())).isEqualTo(30);
  }

  @Test
  void quantile_interpolatesWithinTheBucket() {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    buckets.put(1.0, 0.0);
    buckets.put(2.0, 100.0);
    buckets.put(Double.POSITIVE_INFINITY, 100.0);
    assertThat(MetricsWindow.quantile(buckets, 0.5)).isEqualTo(1.5);
    assertThat(MetricsWindow.quantile(buckets, 0.99)).isCloseTo(1.99, within(1e-9));
  }

  @Test
  void quantile_inTheInfiniteBucket_isTheHighestFiniteBound() {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    buckets.put(1.0, 10.0);
    buckets.put(Double.POSITIVE_INFINITY, 100.0);
    assertThat(MetricsWindow.quantile(buckets, 0.99)).isEqualTo(1.0);
  }

  @Test
  void quantile_empty_isNaN() {
    assertThat(MetricsWindow.quantile(new TreeMap<>(), 0.5)).isNaN();
    TreeMap<Double, Double> zero = new TreeMap<>();
    zero.put(Double.POSITIVE_INFINITY, 0.0);
    assertThat(MetricsWindow.quantile(zero, 0.5)).isNaN();
  }

  @Test
  void window_needsTwoScrapes() {
    assertThatThrownBy(() -> new MetricsWindow(List.of(MetricsSnapshot.parse(0, "a 1"))))
        .hasMessageContaining("had 1");
  }
}
