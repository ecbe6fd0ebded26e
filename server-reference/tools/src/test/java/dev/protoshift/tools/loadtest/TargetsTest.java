package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.tools.loadtest.SyntheticRuns.Events;
import dev.protoshift.tools.loadtest.Verdict.Check;
import dev.protoshift.tools.loadtest.Verdict.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static Check check(Verdict v, String targetStart) {
    return v.checks().stream().filter(c -> c.target().startsWith(targetStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + targetStart + " in " + v));
  }

  private static Verdict evaluate(LoadResults results, Targets targets) {
    return targets.evaluate(SyntheticRuns.compare(results));
  }

  @Test
  void evaluate_protobufSmallerAndFast_meetsEveryTarget() {
    Verdict v = evaluate(SyntheticRuns.mixed(40), Targets.DEFAULTS);
    assertThat(v.passed()).as(v.toString()).isTrue();
    assertThat(v.checks()).extracting(Check::status).containsOnly(Status.MET);
    assertThat(check(v, "bandwidth").detail()).contains("-6").contains("CI");
  }

  @Test
  void evaluate_bandwidthOnlyTwentyPercentLower_missesTheBandwidthTarget() {
    LoadResults r = SyntheticRuns.mixed(40, SyntheticRuns.PROTOBUF.withBytes(488), SyntheticRuns.JSON,
        Events.NONE, Events.NONE, SyntheticRuns.server(0.08, 0.1));
    Verdict v = evaluate(r, Targets.DEFAULTS);
    assertThat(v.passed()).isFalse();
    assertThat(check(v, "bandwidth at least 30% lower").status()).isEqualTo(Status.MISSED);
    assertThat(check(v, "bandwidth").detail()).contains("-20");
    assertThat(v.failures()).hasSize(1);
  }

  @Test
  void evaluate_bandwidthTargetLowered_isMet() {
    LoadResults r = SyntheticRuns.mixed(40, SyntheticRuns.PROTOBUF.withBytes(488), SyntheticRuns.JSON,
        Events.NONE, Events.NONE, SyntheticRuns.server(0.08, 0.1));
    assertThat(evaluate(r, new Targets(0.15, 1, 1, false)).passed()).isTrue();
  }

  @Test
  void evaluate_encodeP99AboveOneMillisecond_missesTheEncodeTarget() {
    LoadResults r = SyntheticRuns.mixed(20, SyntheticRuns.PROTOBUF, SyntheticRuns.JSON, Events.NONE, Events.NONE,
        SyntheticRuns.server(1.5, 0.1));
    Verdict v = evaluate(r, Targets.DEFAULTS);
    Check encode = check(v, "server encode p99 (protobuf)");
    assertThat(encode.status()).isEqualTo(Status.MISSED);
    assertThat(encode.detail()).contains("1.50 ms");
  }

  @Test
  void evaluate_clientDecodeP99AboveTheLimit_missesTheDecodeTarget() {
    LoadResults r = SyntheticRuns.mixed(20, SyntheticRuns.PROTOBUF.withDecode(900), SyntheticRuns.JSON,
        Events.NONE, Events.NONE, SyntheticRuns.server(0.08, 0.1));
    Verdict v = evaluate(r, Targets.DEFAULTS);
    assertThat(check(v, "client decode p99").status()).isEqualTo(Status.MISSED);
  }

  @Test
  void evaluate_noServerFigures_encodeIsNotMeasuredAndTheVerdictFails() {
    LoadResults r = SyntheticRuns.mixed(20, SyntheticRuns.PROTOBUF, SyntheticRuns.JSON, Events.NONE, Events.NONE, null);
    Verdict v = evaluate(r, Targets.DEFAULTS);
    Check encode = check(v, "server encode p99");
    assertThat(encode.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(encode.detail()).contains("--admin-url");
    assertThat(v.passed()).isFalse();
  }

  @Test
  void evaluate_manyMoreGapsOnTheCandidate_missesNoIncreaseInGaps() {
    LoadResults r = SyntheticRuns.mixed(40, SyntheticRuns.PROTOBUF, SyntheticRuns.JSON,
        new Events(0, 400, 0, 0), Events.NONE, SyntheticRuns.server(0.08, 0.1));
    Verdict v = evaluate(r, Targets.DEFAULTS);
    Check gaps = check(v, "no increase in sequence gaps");
    assertThat(gaps.status()).isEqualTo(Status.MISSED);
    assertThat(gaps.detail()).contains("significant");
    assertThat(v.passed()).isFalse();
  }

  @Test
  void evaluate_oneMoreDisconnectOnTheCandidate_isAWarningNotAMiss() {
    LoadResults r = SyntheticRuns.mixed(40, SyntheticRuns.PROTOBUF, SyntheticRuns.JSON,
        new Events(0, 0, 0, 1), Events.NONE, SyntheticRuns.server(0.08, 0.1));
    Verdict v = evaluate(r, Targets.DEFAULTS);
    Check disconnects = check(v, "no increase in disconnects");
    assertThat(disconnects.status()).isEqualTo(Status.WARNING);
    assertThat(disconnects.detail()).contains("not significant");
    assertThat(v.passed()).isTrue();
  }

  @Test
  void evaluate_strict_anyIncreaseIsAMiss() {
    LoadResults r = SyntheticRuns.mixed(40, SyntheticRuns.PROTOBUF, SyntheticRuns.JSON,
        new Events(0, 0, 0, 1), Events.NONE, SyntheticRuns.server(0.08, 0.1));
    Verdict v = evaluate(r, new Targets(0.3, 1, 1, true));
    assertThat(check(v, "no increase in disconnects").status()).isEqualTo(Status.MISSED);
    assertThat(v.passed()).isFalse();
  }

  @Test
  void evaluate_fewerErrorsOnTheCandidate_isMet() {
    LoadResults r = SyntheticRuns.mixed(40, SyntheticRuns.PROTOBUF, SyntheticRuns.JSON,
        Events.NONE, new Events(50, 10, 3, 2), SyntheticRuns.server(0.08, 0.1));
    Verdict v = evaluate(r, Targets.DEFAULTS);
    for (String t : List.of("no increase in decode errors", "no increase in sequence gaps",
        "no increase in sequence repeats", "no increase in disconnects")) {
      assertThat(check(v, t).status()).as(t).isEqualTo(Status.MET);
    }
  }

  @Test
  void evaluate_differentRuns_checksFailedConnects() {
    LoadResults a = SyntheticRuns.mixed(20);
    RunInfo worse = new RunInfo("t", "2026-11-27T05:00:00Z", 10, 2, "ws://x", 40, 4, "json", "none", 3, 1,
        a.run().machine());
    LoadResults b = new LoadResults(LoadResults.FORMAT, worse, a.cohorts(), a.server());
    Comparison c = Comparison.of(SyntheticRuns.side(b, "protobuf"), SyntheticRuns.side(a, "json"),
        BootstrapSettings.DEFAULTS);
    Check failedConnects = check(Targets.DEFAULTS.evaluate(c), "no increase in failed connects");
    assertThat(failedConnects.status()).isEqualTo(Status.MISSED);
    assertThat(failedConnects.detail()).isEqualTo("3/40 vs 0/40");
  }

  @Test
  void evaluate_sameRun_hasNoFailedConnectsCheck() {
    Verdict v = evaluate(SyntheticRuns.mixed(10), Targets.DEFAULTS);
    assertThat(v.checks()).noneMatch(c -> c.target().contains("failed connects"));
  }

  @Test
  void targets_badValues_areRefusedWithTheValue() {
    assertThatThrownBy(() -> new Targets(1.5, 1, 1, false)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> new Targets(0.3, 0, 1, false)).hasMessageContaining("encode 0.0");
  }

  @Test
  void evaluate_baselineOverloaded_comparesBandwidthPerUpdateAndWarns() {
    // The JSON side received updates at 8 Hz instead of 20 (its rooms ticked slower): per
    // connection it used barely more bandwidth, but each update was 2.5 times larger.
    LoadResults r = LoadResults.of(SyntheticRuns.run("mixed", 40), java.util.List.of(
        SyntheticRuns.cohort("protobuf", "1.2.0", 20, 200, 20, SyntheticRuns.PROTOBUF, Events.NONE, 1),
        SyntheticRuns.cohort("json", "1.2.0", 20, 80, 8, SyntheticRuns.JSON, Events.NONE, 2)),
        SyntheticRuns.server(0.08, 0.1));
    Comparison c = SyntheticRuns.compare(r);
    assertThat(c.metric(Metric.BANDWIDTH).ratioPoint()).isGreaterThan(0.9);
    Verdict v = Targets.DEFAULTS.evaluate(c);
    Check bandwidth = check(v, "bandwidth");
    assertThat(bandwidth.status()).isEqualTo(Status.MET);
    assertThat(bandwidth.detail()).contains("B per update, i.e. at equal update rates").contains("-6");
    Check rates = check(v, "equal update rates");
    assertThat(rates.status()).isEqualTo(Status.WARNING);
    assertThat(rates.detail()).contains("20.00 vs 8.00");
    assertThat(v.passed()).isTrue();
  }

  @Test
  void evaluate_equalUpdateRates_noRateWarning() {
    assertThat(evaluate(SyntheticRuns.mixed(10), Targets.DEFAULTS).checks())
        .noneMatch(ch -> ch.target().equals("equal update rates"));
  }
}
