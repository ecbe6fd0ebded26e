package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.tools.loadtest.SyntheticRuns.Events;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

  private static String row(String report, String metric) {
    return Arrays.stream(report.split("\n")).filter(l -> l.startsWith(metric)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + metric + " in\n" + report));
  }

  @Test
  void text_clearDifference_isMarkedSignificant() {
    Comparison c = SyntheticRuns.compare(SyntheticRuns.mixed(30));
    String report = ComparisonReport.text(c, Targets.DEFAULTS.evaluate(c));
    String bandwidth = row(report, "bandwidth ");
    assertThat(bandwidth).contains("B/s per connection").contains("-6").endsWith("yes");
    assertThat(report).contains("95% bootstrap intervals over connections, 2000 resamples, seed 42");
  }

  @Test
  void text_sameDistribution_isMarkedNotSignificant() {
    LoadResults r = SyntheticRuns.mixed(30, SyntheticRuns.JSON, SyntheticRuns.JSON, Events.NONE, Events.NONE,
        SyntheticRuns.server(0.1, 0.1));
    Comparison c = SyntheticRuns.compare(r);
    String report = ComparisonReport.text(c, Targets.DEFAULTS.evaluate(c));
    assertThat(row(report, "latency p50")).endsWith("no");
    assertThat(row(report, "bandwidth ")).endsWith("no");
    assertThat(report).contains("MISSED        bandwidth at least 30% lower").contains("difference not significant");
  }

  @Test
  void text_zeroEventsOnBothSides_showsAbsoluteZeroInterval() {
    Comparison c = SyntheticRuns.compare(SyntheticRuns.mixed(5));
    String report = ComparisonReport.text(c, Targets.DEFAULTS.evaluate(c));
    assertThat(row(report, "sequence gaps")).contains("0 .. 0 abs").endsWith("no");
  }

  @Test
  void text_showsCountsServerFiguresAndVerdict() {
    Comparison c = SyntheticRuns.compare(SyntheticRuns.mixed(5));
    String report = ComparisonReport.text(c, Targets.DEFAULTS.evaluate(c));
    assertThat(row(report, "messages")).contains("1,000");
    assertThat(report).contains("encode p50 / p99 ms (protobuf)").contains("0.020 / 0.080")
        .contains("heap used max (MiB)").contains("80.0")
        .contains("verdict against the rollout targets").contains("PASS: every target met");
  }

  @Test
  void text_withoutServerFigures_saysHowToGetThem() {
    LoadResults r = SyntheticRuns.mixed(5, SyntheticRuns.PROTOBUF, SyntheticRuns.JSON, Events.NONE, Events.NONE, null);
    Comparison c = SyntheticRuns.compare(r);
    String report = ComparisonReport.text(c, Targets.DEFAULTS.evaluate(c));
    assertThat(report).contains("server figures: not in the results").contains("NOT MEASURED")
        .contains("FAIL: 1 of");
  }
}
