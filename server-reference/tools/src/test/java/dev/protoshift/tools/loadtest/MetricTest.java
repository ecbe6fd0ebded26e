package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricTest {

  private static SamplePool.Stats stats(double seconds, long messages, long bytes, long errors, long gaps,
      long disconnects) {
    return new SamplePool.Stats(seconds, messages, bytes, errors, gaps, 0, disconnects, 1500, 4000, 9000, 20_000,
        90_000, 200_000);
  }

  @Test
  void of_derivesEachMetricFromTheStats() {
    SamplePool.Stats s = stats(100, 2_000, 500_000, 2, 2, 1);
    assertThat(Metric.BANDWIDTH.of(s)).isEqualTo(5_000);
    assertThat(Metric.MESSAGE_SIZE.of(s)).isEqualTo(250);
    assertThat(Metric.UPDATE_RATE.of(s)).isEqualTo(20);
    assertThat(Metric.LATENCY_P50.of(s)).isEqualTo(1.5);
    assertThat(Metric.LATENCY_P99.of(s)).isEqualTo(4.0);
    assertThat(Metric.DECODE_P50.of(s)).isEqualTo(0.02);
    assertThat(Metric.DECODE_P99.of(s)).isEqualTo(0.09);
    assertThat(Metric.DECODE_ERRORS.of(s)).isEqualTo(1_000);
    assertThat(Metric.GAPS.of(s)).isCloseTo(2e6 / 2_002, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(Metric.DISCONNECTS.of(s)).isEqualTo(36);
  }

  @Test
  void of_nothingReceived_ratesAreZeroOrNaN() {
    SamplePool.Stats s = stats(0, 0, 0, 0, 0, 0);
    assertThat(Metric.DECODE_ERRORS.of(s)).isZero();
    assertThat(Metric.BANDWIDTH.of(s)).isNaN();
    assertThat(Metric.DISCONNECTS.of(s)).isNaN();
  }

  @Test
  void format_keepsAFewSignificantDigits() {
    assertThat(Metric.BANDWIDTH.format(12_345.6)).isEqualTo("12,346");
    assertThat(Metric.LATENCY_P99.format(1.234)).isEqualTo("1.23");
    assertThat(Metric.LATENCY_P99.format(0.0456)).isEqualTo("0.046");
    assertThat(Metric.LATENCY_P99.format(0.0000456)).isEqualTo("4.56e-05");
    assertThat(Metric.LATENCY_P99.format(0)).isEqualTo("0");
    assertThat(Metric.LATENCY_P99.format(Double.NaN)).isEqualTo("n/a");
  }
}
