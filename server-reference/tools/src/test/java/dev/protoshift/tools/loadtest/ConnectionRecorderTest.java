package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.tools.loadtest.ConnectionRecorder.CohortSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionRecorderTest {

  private static final long S = 1_000_000_000L;

  private static CohortSample only(ConnectionRecorder r) {
    List<CohortSample> samples = r.samples();
    assertThat(samples).hasSize(1);
    return samples.get(0);
  }

  @Test
  void update_onlyInsideTheWindowCounts() {
    ConnectionRecorder r = new ConnectionRecorder(3);
    r.connected("protobuf", "1.2.0", 0);
    r.update(S / 2, 100, 1, 1_000, 20_000);      // ramp-up: not counted
    r.startWindow(1 * S);
    r.update(2 * S, 100, 2, 1_000, 20_000);
    r.update(3 * S, 120, 3, 3_000, 30_000);
    r.endWindow(11 * S);
    r.update(12 * S, 100, 4, 1_000, 20_000);     // after the window: not counted
    CohortSample s = only(r);
    assertThat(s.key()).isEqualTo("protobuf/1.2.0");
    assertThat(s.sample().connection()).isEqualTo(3);
    assertThat(s.sample().messages()).isEqualTo(2);
    assertThat(s.sample().bytes()).isEqualTo(220);
    assertThat(s.sample().seconds()).isEqualTo(10.0);
    assertThat(Histograms.decode(s.sample().latencyUs()).getTotalCount()).isEqualTo(2);
    assertThat(s.sample().gaps()).isZero();
  }

  @Test
  void update_jumpAndRepeat_countGapsAndRepeats() {
    ConnectionRecorder r = new ConnectionRecorder(0);
    r.startWindow(0);
    r.connected("json", "none", 0);
    r.update(1, 10, 5, 1, 1);
    r.update(2, 10, 9, 1, 1);   // 6, 7, 8 lost
    r.update(3, 10, 9, 1, 1);   // repeat
    r.update(4, 10, 7, 1, 1);   // older: repeat
    r.update(5, 10, 10, 1, 1);
    r.endWindow(10);
    assertThat(only(r).sample().gaps()).isEqualTo(3);
    assertThat(only(r).sample().repeats()).isEqualTo(2);
  }

  @Test
  void switched_splitsTimeAndKeepsCheckingTicksAcrossTheSwitch() {
    ConnectionRecorder r = new ConnectionRecorder(0);
    r.startWindow(0);
    r.connected("protobuf", "1.2.0", 0);
    r.update(1 * S, 50, 1, 1, 1);
    r.update(2 * S, 50, 2, 1, 1);
    r.switched("json", "1.2.0", 4 * S);
    r.other(4 * S, 40);
    r.update(5 * S, 150, 4, 1, 1);   // tick 3 lost in the switch
    r.endWindow(10 * S);
    List<CohortSample> samples = r.samples();
    assertThat(samples).extracting(CohortSample::key).containsExactly("protobuf/1.2.0", "json/1.2.0");
    assertThat(samples.get(0).sample().seconds()).isEqualTo(4.0);
    assertThat(samples.get(0).sample().messages()).isEqualTo(2);
    assertThat(samples.get(1).sample().seconds()).isEqualTo(6.0);
    assertThat(samples.get(1).sample().messages()).isEqualTo(1);
    assertThat(samples.get(1).sample().bytes()).isEqualTo(190);
    assertThat(samples.get(1).sample().gaps()).isEqualTo(1);
  }

  @Test
  void disconnected_unexpected_countsADisconnectAndTheReconnectRestartsTheSequence() {
    ConnectionRecorder r = new ConnectionRecorder(0);
    r.startWindow(0);
    r.connected("json", "none", 0);
    r.update(1 * S, 10, 100, 1, 1);
    r.disconnected(2 * S, false);
    r.connected("json", "none", 3 * S);
    r.update(4 * S, 10, 250, 1, 1);  // a new stream: no gap
    r.endWindow(10 * S);
    ConnectionSample s = only(r).sample();
    assertThat(s.disconnects()).isEqualTo(1);
    assertThat(s.gaps()).isZero();
    assertThat(s.seconds()).isEqualTo(9.0);  // the second offline does not count
    assertThat(only(r).reconnects()).isEqualTo(1);
  }

  @Test
  void disconnected_expected_isNoDisconnect() {
    ConnectionRecorder r = new ConnectionRecorder(0);
    r.startWindow(0);
    r.connected("json", "none", 0);
    r.disconnected(5, true);
    r.endWindow(10);
    assertThat(only(r).sample().disconnects()).isZero();
    assertThat(r.connectedNow()).isFalse();
  }

  @Test
  void decodeError_countsAsAMessageWithAnError() {
    ConnectionRecorder r = new ConnectionRecorder(0);
    r.startWindow(0);
    r.connected("protobuf", "1.0.0", 0);
    r.decodeError(1, 33);
    r.endWindow(10);
    ConnectionSample s = only(r).sample();
    assertThat(s.decodeErrors()).isEqualTo(1);
    assertThat(s.messages()).isEqualTo(1);
    assertThat(s.bytes()).isEqualTo(33);
  }

  @Test
  void samples_beforeTheWindowEnds_includeTheOpenSegmentUpToNow() {
    ConnectionRecorder r = new ConnectionRecorder(0);
    long start = System.nanoTime();
    r.startWindow(start);
    r.connected("json", "none", start);
    assertThat(only(r).sample().seconds()).isPositive();
    assertThat(r.cohortKey()).isEqualTo("json/none");
  }

  @Test
  void samples_neverConnectedInTheWindow_isEmpty() {
    ConnectionRecorder r = new ConnectionRecorder(0);
    r.connected("json", "none", 0);
    r.disconnected(5, false);
    r.startWindow(10);
    r.endWindow(20);
    assertThat(r.samples()).isEmpty();
  }
}
