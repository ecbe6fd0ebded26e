package dev.protoshift.operations.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protoshift.operations.ConnectionKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessReportTest {

  static final Duration HOUR = Duration.ofHours(1);
  static final Duration MINUTE = Duration.ofMinutes(1);

  /** Counts under construction: connection milliseconds and bytes per key. */
  static final class Counts {
    final Map<ConnectionKey, long[]> map = new LinkedHashMap<>();

    Counts add(String protocol, String reason, String version, boolean offered, long millis, long bytes) {
      map.put(new ConnectionKey(protocol, reason, version, offered), new long[] {millis, bytes});
      return this;
    }

    ReadinessReport report(double maxJsonShare) {
      return ReadinessReport.compute(map, Instant.EPOCH, HOUR, HOUR, MINUTE, maxJsonShare);
    }
  }

  @Test
  void onlyProtobuf_atFullRollout_isReady() {
    ReadinessReport r = new Counts()
        .add("protobuf", "in_rollout", "1.1.0", true, 900_000, 9_000)
        .add("protobuf", "forced_on", "1.2.0", true, 100_000, 1_000)
        .report(0.001);

    assertThat(r.ready()).isTrue();
    assertThat(r.summary()).isEqualTo(
        "ready: 100% of connections and 100% of traffic were protobuf over the last 1h (at most 0.1% JSON allowed)");
    assertThat(r.reasons()).isEmpty();
    assertThat(r.notes()).isEmpty();
    assertThat(r.jsonConnectionShare()).isZero();
  }

  @Test
  void legacyClientsOnJson_areNotReady_withTheirShareAndVersions() {
    ReadinessReport r = new Counts()
        .add("protobuf", "in_rollout", "1.1.0", true, 969_000, 9_690)
        .add("json", "no_client_support", "none", false, 20_000, 200)
        .add("json", "no_client_support", "1.0.0", false, 11_000, 110)
        .report(0.001);

    assertThat(r.ready()).isFalse();
    assertThat(r.reasons()).containsExactly(
        "3.1% of connections and 3.1% of traffic were JSON over the last 1h, more than the 0.1% allowed",
        "3.1% of connections are clients that cannot speak protobuf (no_client_support 3.1%): versions none 2%,"
            + " 1.0.0 1.1%");
    assertThat(r.summary()).startsWith("not yet: 3.1% of connections and 3.1% of traffic were JSON");
    assertThat(r.clientVersions()).extracting(ReadinessReport.VersionShare::version)
        .containsExactly("none", "1.0.0", "1.1.0");
    assertThat(r.clientVersions().get(0).json()).isEqualTo(1.0);
    assertThat(r.clientVersions().get(2).json()).isZero();
  }

  @Test
  void aClientWithoutProtobufUnderTheKillSwitch_countsAsNoClientSupport_othersAsTheConfig() {
    ReadinessReport r = new Counts()
        .add("json", "kill_switch", "none", false, 250, 1)
        .add("json", "kill_switch", "1.1.0", true, 750, 3)
        .report(0.001);

    assertThat(r.byReason()).extracting(s -> s.reason() + " " + s.category().code())
        .containsExactly("kill_switch config", "no_client_support client");
    assertThat(r.reasons()).contains("the rollout is not finished: 75% of connections were served JSON by the rollout"
        + " config (kill_switch 75%); set enabled: true, rollout_percentage: 100 and no force_disable_rooms, then"
        + " wait a full window");
  }

  @Test
  void anyConfigReason_blocks_evenWithinTheAllowedShare() {
    ReadinessReport r = new Counts()
        .add("protobuf", "in_rollout", "1.1.0", true, 9_999_500, 100_000)
        .add("json", "forced_off", "1.1.0", true, 500, 0)
        .report(0.001);

    assertThat(r.jsonConnectionShare()).isLessThan(0.001);
    assertThat(r.ready()).isFalse();
    assertThat(r.reasons()).containsExactly("the rollout is not finished: <0.01% of connections were served JSON by"
        + " the rollout config (forced_off <0.01%); set enabled: true, rollout_percentage: 100 and no"
        + " force_disable_rooms, then wait a full window");
  }

  @Test
  void clientsWithinTheAllowedShare_areReady_withANote() {
    ReadinessReport r = new Counts()
        .add("protobuf", "in_rollout", "1.1.0", true, 999_500, 100_000)
        .add("json", "client_too_old", "1.0.0", true, 300, 10)
        .add("json", "decode_errors", "1.1.0", true, 200, 5)
        .report(0.001);

    assertThat(r.ready()).isTrue();
    assertThat(r.summary()).isEqualTo("ready: 99.95% of connections and 99.99% of traffic were protobuf over the last"
        + " 1h (at most 0.1% JSON allowed)");
    assertThat(r.notes()).containsExactly(
        "0.03% of connections are clients that cannot speak protobuf (client_too_old 0.03%): versions 1.0.0 0.03%;"
            + " removing JSON refuses them",
        "0.02% of connections were switched back to JSON after protobuf decode errors (decode_errors): versions"
            + " 1.1.0 0.02%; removing JSON leaves them without a working protocol");
  }

  @Test
  void decodeErrorDowngrades_beyondTheShare_block_withTheirVersions() {
    ReadinessReport r = new Counts()
        .add("protobuf", "in_rollout", "1.1.0", true, 990, 990)
        .add("json", "decode_errors", "1.1.0", true, 10, 10)
        .report(0.001);

    assertThat(r.reasons()).containsExactly(
        "1% of connections and 1% of traffic were JSON over the last 1h, more than the 0.1% allowed",
        "1% of connections were switched back to JSON after protobuf decode errors (decode_errors): versions 1.1.0 1%;"
            + " fix those clients first");
  }

  @Test
  void jsonTrafficAboveTheShare_blocks_evenIfItsConnectionsAreFew() {
    ReadinessReport r = new Counts()
        .add("protobuf", "in_rollout", "1.1.0", true, 999_900, 1_000)
        .add("json", "no_client_support", "none", false, 100, 1_000)
        .report(0.001);

    assertThat(r.ready()).isFalse();
    assertThat(r.reasons().get(0)).isEqualTo(
        "0.01% of connections and 50% of traffic were JSON over the last 1h, more than the 0.1% allowed");
  }

  @Test
  void noConnections_isNotReady() {
    ReadinessReport r = new Counts().report(0.001);

    assertThat(r.ready()).isFalse();
    assertThat(r.summary()).isEqualTo("not yet: no connections in the last 1h: nothing to judge yet");
  }

  @Test
  void aWindowNotCovered_isNotReady() {
    Map<ConnectionKey, long[]> counts = Map.of(new ConnectionKey("protobuf", "in_rollout", "1.1.0", true),
        new long[] {1_000, 10});
    ReadinessReport r = ReadinessReport.compute(counts, Instant.EPOCH, HOUR, Duration.ofMinutes(12), MINUTE, 0.001);

    assertThat(r.reasons()).containsExactly("only 12m of the 1h window is covered: this server has counted for 12m"
        + " (counts are per process, in memory); ask again later or for a shorter window");
    ReadinessReport withinABucket = ReadinessReport.compute(counts, Instant.EPOCH, HOUR, Duration.ofSeconds(3_590),
        MINUTE, 0.001);
    assertThat(withinABucket.ready()).isTrue();
  }

  @Test
  void maxJsonShare_outside0to1_isRefused() {
    assertThatThrownBy(() -> new Counts().report(1.5)).hasMessageContaining("0..1, was 1.5");
  }
}
