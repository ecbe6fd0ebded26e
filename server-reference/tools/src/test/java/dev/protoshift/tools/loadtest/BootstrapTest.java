package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.protoshift.tools.loadtest.SyntheticRuns.Events;
import dev.protoshift.tools.loadtest.SyntheticRuns.Shape;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static SamplePool pool(Shape shape, int connections, long seed) {
    return SamplePool.of(SyntheticRuns.cohort("json", "none", connections, 200, shape, Events.NONE, seed).samples());
  }

  private static MetricComparison metric(List<MetricComparison> all, Metric m) {
    return all.get(m.ordinal());
  }

  @Test
  void compare_latencyTwiceAsHigh_isSignificantWithARatioIntervalAroundTwo() {
    SamplePool fast = pool(SyntheticRuns.JSON.withLatency(1.0), 60, 1);
    SamplePool slow = pool(SyntheticRuns.JSON.withLatency(2.0), 60, 2);
    List<MetricComparison> result = Bootstrap.compare(slow, fast, BootstrapSettings.DEFAULTS);
    MetricComparison p50 = metric(result, Metric.LATENCY_P50);
    assertThat(p50.significant()).isTrue();
    assertThat(p50.difference().low()).isPositive();
    assertThat(p50.ratio().low()).isGreaterThan(1.8);
    assertThat(p50.ratio().high()).isLessThan(2.2);
    assertThat(metric(result, Metric.LATENCY_P99).significant()).isTrue();
  }

  @Test
  void compare_twoDrawsOfTheSameDistribution_isNotSignificant() {
    SamplePool a = pool(SyntheticRuns.JSON, 50, 11);
    SamplePool b = pool(SyntheticRuns.JSON, 50, 12);
    List<MetricComparison> result = Bootstrap.compare(a, b, BootstrapSettings.DEFAULTS);
    for (Metric m : List.of(Metric.LATENCY_P50, Metric.LATENCY_P99, Metric.DECODE_P50, Metric.DECODE_P99,
        Metric.BANDWIDTH)) {
      MetricComparison mc = metric(result, m);
      assertThat(mc.significant()).as(m.label() + " " + mc).isFalse();
      assertThat(mc.difference().low()).as(m.label()).isLessThanOrEqualTo(0);
      assertThat(mc.difference().high()).as(m.label()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void compare_bothWithoutEvents_haveZeroIntervalsAndNoSignificance() {
    List<MetricComparison> result = Bootstrap.compare(pool(SyntheticRuns.JSON, 10, 1), pool(SyntheticRuns.JSON, 10, 2),
        BootstrapSettings.DEFAULTS);
    MetricComparison gaps = metric(result, Metric.GAPS);
    assertThat(gaps.candidate()).isZero();
    assertThat(gaps.difference()).isEqualTo(new Interval(0, 0));
    assertThat(gaps.ratio()).isNull();
    assertThat(gaps.significant()).isFalse();
  }

  @Test
  void compare_sameSeed_sameIntervals_otherSeed_otherIntervals() {
    SamplePool a = pool(SyntheticRuns.PROTOBUF, 30, 1);
    SamplePool b = pool(SyntheticRuns.JSON, 30, 2);
    List<MetricComparison> first = Bootstrap.compare(a, b, new BootstrapSettings(500, 7, 0.95));
    List<MetricComparison> second = Bootstrap.compare(a, b, new BootstrapSettings(500, 7, 0.95));
    List<MetricComparison> other = Bootstrap.compare(a, b, new BootstrapSettings(500, 8, 0.95));
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void compare_pointEstimatesDoNotDependOnTheResampling() {
    SamplePool a = pool(SyntheticRuns.PROTOBUF, 20, 1);
    SamplePool b = pool(SyntheticRuns.JSON, 20, 2);
    MetricComparison x = metric(Bootstrap.compare(a, b, new BootstrapSettings(200, 1, 0.9)), Metric.LATENCY_P99);
    MetricComparison y = metric(Bootstrap.compare(a, b, new BootstrapSettings(300, 2, 0.99)), Metric.LATENCY_P99);
    assertThat(x.candidate()).isEqualTo(y.candidate());
    assertThat(x.baseline()).isEqualTo(y.baseline());
  }

  @Test
  void compare_higherConfidence_widerInterval() {
    SamplePool a = pool(SyntheticRuns.PROTOBUF, 40, 1);
    SamplePool b = pool(SyntheticRuns.JSON, 40, 2);
    Interval narrow = metric(Bootstrap.compare(a, b, new BootstrapSettings(1000, 3, 0.8)), Metric.LATENCY_P50).difference();
    Interval wide = metric(Bootstrap.compare(a, b, new BootstrapSettings(1000, 3, 0.99)), Metric.LATENCY_P50).difference();
    assertThat(wide.low()).isLessThanOrEqualTo(narrow.low());
    assertThat(wide.high()).isGreaterThanOrEqualTo(narrow.high());
  }

  @Test
  void compare_aSideWithOneConnection_hasNoIntervals() {
    List<MetricComparison> result = Bootstrap.compare(pool(SyntheticRuns.PROTOBUF, 1, 1), pool(SyntheticRuns.JSON, 10, 2),
        BootstrapSettings.DEFAULTS);
    MetricComparison bw = metric(result, Metric.BANDWIDTH);
    assertThat(bw.candidate()).isPositive();
    assertThat(bw.difference()).isNull();
    assertThat(bw.significant()).isFalse();
  }

  @Test
  void compare_candidateIntervalCoversTheTrueMedianOfTheDistribution() {
    // Log-normal latency with median 1.2 ms: the pooled median is estimated well.
    SamplePool a = pool(SyntheticRuns.PROTOBUF, 50, 21);
    MetricComparison p50 = metric(Bootstrap.compare(a, pool(SyntheticRuns.JSON, 50, 22), BootstrapSettings.DEFAULTS),
        Metric.LATENCY_P50);
    assertThat(p50.candidateInterval().low()).isLessThanOrEqualTo(1.2 * 1.01);
    assertThat(p50.candidateInterval().high()).isGreaterThanOrEqualTo(1.2 * 0.99);
  }

  @Test
  void interval_95percent_cutsTwoAndAHalfPercentOnEachSide() {
    double[] values = IntStream.range(0, 1000).mapToDouble(i -> 999 - i).toArray();
    Interval i = Bootstrap.interval(values, 0.95);
    assertThat(i.low()).isEqualTo(25);
    assertThat(i.high()).isEqualTo(974);
  }

  @Test
  void interval_withNaN_isNull() {
    assertThat(Bootstrap.interval(new double[] {1, Double.NaN, 2}, 0.95)).isNull();
  }

  @Test
  void compare_bandwidthHalf_ratioNearOneHalf() {
    SamplePool a = pool(SyntheticRuns.JSON.withBytes(300), 30, 1);
    SamplePool b = pool(SyntheticRuns.JSON.withBytes(600), 30, 2);
    MetricComparison bw = metric(Bootstrap.compare(a, b, BootstrapSettings.DEFAULTS), Metric.BANDWIDTH);
    assertThat(bw.ratioPoint()).isCloseTo(0.5, within(0.02));
    assertThat(bw.ratio().low()).isGreaterThan(0.48);
    assertThat(bw.ratio().high()).isLessThan(0.52);
  }
}
