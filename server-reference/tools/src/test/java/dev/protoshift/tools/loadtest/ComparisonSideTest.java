package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.junit.jupiter.api.Test;

class ComparisonSideTest {

  private static ConnectionSample sample(int connection, long messages, long latencyUs) {
    AbstractHistogram latency = Histograms.newLatencyUs();
    for (int i = 0; i < messages; i++) {
      Histograms.record(latency, latencyUs);
    }
    return new ConnectionSample(connection, messages / 20.0, messages, messages * 100, 0, 1, 0, 0,
        Histograms.encode(latency), Histograms.encode(Histograms.newDecodeNs()));
  }

  @Test
  void samples_connectionInTwoCohorts_isMergedIntoOne() {
    // Connection 0 switched from protobuf to JSON: it appears in both cohorts.
    CohortResults protobuf = CohortResults.of("protobuf", "1.2.0", 0, List.of(sample(0, 100, 1_000), sample(1, 200, 1_000)));
    CohortResults json = CohortResults.of("json", "1.2.0", 0, List.of(sample(0, 100, 3_000)));
    ComparisonSide side = new ComparisonSide("x#all", SyntheticRuns.run("mixed", 2), null, List.of(protobuf, json));
    List<ConnectionSample> samples = side.samples();
    assertThat(samples).hasSize(2);
    ConnectionSample merged = samples.get(0);
    assertThat(merged.connection()).isZero();
    assertThat(merged.messages()).isEqualTo(200);
    assertThat(merged.seconds()).isEqualTo(10.0);
    assertThat(merged.gaps()).isEqualTo(2);
    assertThat(Histograms.decode(merged.latencyUs()).getTotalCount()).isEqualTo(200);
    assertThat(side.connections()).isEqualTo(2);
    assertThat(side.protocolLabel()).isEqualTo("json+protobuf");
  }

  @Test
  void side_withoutCohorts_isRefused() {
    assertThatThrownBy(() -> new ComparisonSide("empty", SyntheticRuns.run("json", 0), null, List.of()))
        .hasMessageContaining("empty");
  }

  @Test
  void cohortOf_summariesComeFromTheSamples() {
    CohortResults c = CohortResults.of("json", "none", 2, List.of(sample(0, 100, 2_000), sample(1, 300, 2_000)));
    assertThat(c.connections()).isEqualTo(2);
    assertThat(c.messages()).isEqualTo(400);
    assertThat(c.bytes()).isEqualTo(40_000);
    assertThat(c.connectionSeconds()).isEqualTo(20.0);
    assertThat(c.bytesPerSecondPerConnection()).isEqualTo(2_000.0);
    assertThat(c.latencyMs().p99()).isBetween(1.99, 2.02);
    assertThat(c.latencyMs().count()).isEqualTo(400);
    assertThat(c.gaps()).isEqualTo(2);
    assertThat(c.reconnects()).isEqualTo(2);
  }
}
