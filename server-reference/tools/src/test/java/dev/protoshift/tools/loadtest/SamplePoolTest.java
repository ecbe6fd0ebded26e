package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SamplePoolTest {

  private static ConnectionSample sample(int id, long bytes, long... latenciesUs) {
    AbstractHistogram latency = Histograms.newLatencyUs();
    AbstractHistogram decode = Histograms.newDecodeNs();
    for (long v : latenciesUs) {
      Histograms.record(latency, v);
      Histograms.record(decode, v * 10);
    }
    return new ConnectionSample(id, 10, latenciesUs.length, bytes, 1, 2, 3, 4,
        Histograms.encode(latency), Histograms.encode(decode));
  }

  @Test
  void pointEstimate_sumsCountersAndTakesPercentilesOfTheUnion() {
    SamplePool pool = SamplePool.of(List.of(sample(0, 1_000, 100, 200, 300), sample(1, 3_000, 400, 500)));
    SamplePool.Stats s = pool.pointEstimate();
    assertThat(s.seconds()).isEqualTo(20);
    assertThat(s.messages()).isEqualTo(5);
    assertThat(s.bytes()).isEqualTo(4_000);
    assertThat(s.bandwidth()).isEqualTo(200);
    assertThat(s.decodeErrors()).isEqualTo(2);
    assertThat(s.gaps()).isEqualTo(4);
    assertThat(s.repeats()).isEqualTo(6);
    assertThat(s.disconnects()).isEqualTo(8);
    assertThat(s.latencyP50Us()).isBetween(299.0, 302.0);
    assertThat(s.latencyMaxUs()).isBetween(499.0, 503.0);
  }

  @Test
  void pointEstimate_matchesHdrHistogramPercentilesOfTheMergedHistogram() {
    CohortResults cohort = SyntheticRuns.cohort("json", "none", 40, 150, SyntheticRuns.JSON,
        SyntheticRuns.Events.NONE, 7);
    Histogram merged = new Histogram(1, Histograms.MAX_LATENCY_US, 2);
    cohort.samples().forEach(s -> merged.add(Histograms.decode(s.latencyUs())));
    SamplePool.Stats s = SamplePool.of(cohort.samples()).pointEstimate();
    assertThat(s.latencyP50Us()).isEqualTo(merged.getValueAtPercentile(50));
    assertThat(s.latencyP99Us()).isEqualTo(merged.getValueAtPercentile(99));
    assertThat(s.latencyMaxUs()).isEqualTo(merged.highestEquivalentValue(merged.getMaxValue()));
  }

  @Test
  void percentiles_areInMilliseconds() {
    SamplePool pool = SamplePool.of(List.of(sample(0, 1, 2_000, 2_000, 2_000)));
    assertThat(pool.latencyPercentiles().p50()).isBetween(1.99, 2.02);
    assertThat(pool.latencyPercentiles().count()).isEqualTo(3);
    assertThat(pool.decodePercentiles().p50()).isBetween(0.0199, 0.0202);
  }

  @Test
  void resample_sameStream_sameResult() {
    CohortResults cohort = SyntheticRuns.cohort("protobuf", "1.2.0", 30, 100, SyntheticRuns.PROTOBUF,
        SyntheticRuns.Events.NONE, 3);
    SamplePool pool = SamplePool.of(cohort.samples());
    assertThat(pool.resample(new SplittableRandom(9))).isEqualTo(pool.resample(new SplittableRandom(9)));
    assertThat(pool.resample(new SplittableRandom(9))).isNotEqualTo(pool.resample(new SplittableRandom(10)));
  }

  @Test
  void resample_drawsAsManyConnectionsAsThePoolHas() {
    SamplePool pool = SamplePool.of(List.of(sample(0, 1, 100), sample(1, 1, 100), sample(2, 1, 100)));
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 50; i++) {
      assertThat(pool.resample(random).seconds()).isEqualTo(30);
    }
  }

  @Test
  void pointEstimate_noMessages_givesNaNPercentilesAndEmptySummary() {
    AbstractHistogram empty = Histograms.newLatencyUs();
    SamplePool pool = SamplePool.of(List.of(new ConnectionSample(0, 5, 0, 0, 0, 0, 0, 1,
        Histograms.encode(empty), Histograms.encode(Histograms.newDecodeNs()))));
    assertThat(pool.pointEstimate().latencyP99Us()).isNaN();
    assertThat(pool.latencyPercentiles()).isEqualTo(Percentiles.EMPTY);
  }

  @Test
  void of_badHistogram_namesTheConnection() {
    ConnectionSample bad = new ConnectionSample(17, 1, 1, 1, 0, 0, 0, 0, "@@@", "@@@");
    assertThatThrownBy(() -> SamplePool.of(List.of(bad))).hasMessageContaining("connection 17");
  }
}
