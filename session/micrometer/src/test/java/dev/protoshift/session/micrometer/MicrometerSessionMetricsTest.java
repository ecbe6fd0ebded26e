package dev.protoshift.session.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.session.SessionMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MicrometerSessionMetricsTest {

  static MicrometerSessionMetrics exercised() {
    MicrometerSessionMetrics m = MicrometerSessionMetrics.on(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    m.messageSize("protobuf", "1.1.0", "state_update", SessionMetrics.Direction.OUT, 120);
    m.messageSize("json", "none", "player_input", SessionMetrics.Direction.IN, 40);
    m.encoded("protobuf", "1.1.0", "state_update", 12_000);
    m.decoded("json", "none", "player_input", 3_000);
    m.decodeError("protobuf", "1.0.0", "malformed");
    m.connectionEntered("protobuf", "1.1.0");
    m.connectionOpened();
    m.connectionClosed(1000);
    m.upgradeRejected("origin");
    m.decision("protobuf", "in_rollout");
    m.switched("protobuf", "json", "kill_switch");
    m.updateDropped("json", "none");
    m.inboundDropped("rate_limited");
    m.configChange("file", "applied");
    m.faultInjected();
    m.shadowChecked("protobuf", "1.0.0");
    m.shadowMismatch("protobuf", "1.0.0");
    m.configSourceHealth(() -> java.util.Optional.of(new dev.protoshift.versioning.rollout.ConfigSourceHealth(
        dev.protoshift.versioning.rollout.ConfigSource.FILE, true, java.util.Optional.empty(), java.time.Instant.EPOCH, 0)));
    m.tickTimer().record(java.time.Duration.ofMillis(1));
    m.roomsGauge(() -> 3);
    return m;
  }

  @Test
  void everyDeclaredName_isExported() {
    String scrape = exercised().scrape();
    for (String name : MicrometerSessionMetrics.prometheusNames()) {
      assertThat(scrape).as(name).containsPattern("(?m)^" + Pattern.quote(name) + "(_bucket|_count|_sum)?[{ ]");
    }
  }

  @Test
  void everyExportedProtoshiftName_isDeclared() {
    String scrape = exercised().scrape();
    scrape.lines().filter(l -> l.startsWith("protoshift_")).map(l -> l.split("[{ ]")[0])
        .map(n -> n.replaceAll("_(bucket|count|sum|max)$", ""))
        .distinct()
        .forEach(n -> assertThat(MicrometerSessionMetrics.prometheusNames()).as("declared").contains(n));
  }

  @Test
  void timersAreHistograms_notClientSidePercentiles() {
    String scrape = exercised().scrape();
    assertThat(scrape).contains("# TYPE protoshift_encode_seconds histogram");
    assertThat(scrape).contains("# TYPE protoshift_decode_seconds histogram");
    assertThat(scrape).contains("# TYPE protoshift_ws_message_size_bytes histogram");
    assertThat(scrape).doesNotContain("quantile=");
  }

  @Test
  void tags_neverIdentifyAPlayerRoomOrConnection() {
    String scrape = exercised().scrape();
    assertThat(scrape).doesNotContainPattern("(?m)^protoshift_\\w*\\{[^}]*(room|player|connection|ghost|session)=");
  }

  @Test
  void connectionsGauge_followsEnterAndLeave() {
    MicrometerSessionMetrics m = exercised();
    m.connectionEntered("protobuf", "1.1.0");
    m.connectionLeft("protobuf", "1.1.0");
    m.connectionLeft("protobuf", "1.1.0");
    assertThat(m.registry().get("protoshift.ws.connections").tags("protocol", "protobuf", "version", "1.1.0")
        .gauge().value()).isZero();
  }

  @Test
  void docsMetricsPage_listsEveryName() throws Exception {
    String doc = Files.readString(Path.of("..", "..", "docs", "metrics.md"));
    for (String name : MicrometerSessionMetrics.prometheusNames()) {
      assertThat(doc).as("docs/metrics.md mentions " + name).contains("`" + name + "`");
    }
  }
}
