package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void line_countsOpenConnectionsByCohortAndRatesSinceTheLastLine() {
    ConnectionRecorder a = new ConnectionRecorder(0);
    ConnectionRecorder b = new ConnectionRecorder(1);
    ConnectionRecorder c = new ConnectionRecorder(2);
    a.connected("protobuf", "1.2.0", 0);
    b.connected("json", "1.2.0", 0);
    Progress p = new Progress(List.of(a, b, c), () -> 1);
    p.line("ramp-up", 0);
    a.update(1, 1_000, 1, 10, 10);
    a.update(2, 1_000, 3, 10, 10);
    b.update(3, 2_000, 1, 10, 10);
    b.disconnected(4, false);
    String line = p.line("window 1s/10s", 1_000_000_000L);
    assertThat(line).isEqualTo("[window 1s/10s] open 1/3 (protobuf/1.2.0 1) | 3 msg/s 4.0 kB/s"
        + " | gaps 1 repeats 0 errors 0 disconnects 1 | failed connects 1");
  }

  @Test
  void bytesPerSecond_units() {
    assertThat(Progress.bytesPerSecond(512)).isEqualTo("512 B/s");
    assertThat(Progress.bytesPerSecond(4_100_000)).isEqualTo("4.1 MB/s");
  }
}
