package dev.protoshift.session.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.operations.ConnectionKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionGaugesTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ConnectionGauges gauges = new ConnectionGauges(registry);

  double byReason(String protocol, String reason) {
    return registry.get("protoshift.ws.connections.by.reason").tags("protocol", protocol, "reason", reason).gauge()
        .value();
  }

  double byVersion(String version) {
    return registry.get("protoshift.ws.connections.by.client.version").tags("client_version", version).gauge().value();
  }

  @Test
  void accept_sumsASampleByReasonAndByClientVersion() {
    gauges.accept(Map.of(
        new ConnectionKey("protobuf", "in_rollout", "1.1.0", true), 3,
        new ConnectionKey("json", "no_client_support", "none", false), 2,
        new ConnectionKey("json", "no_client_support", "1.1.0", false), 1));

    assertThat(byReason("protobuf", "in_rollout")).isEqualTo(3);
    assertThat(byReason("json", "no_client_support")).isEqualTo(3);
    assertThat(byVersion("1.1.0")).isEqualTo(4);
    assertThat(byVersion("none")).isEqualTo(2);
  }

  @Test
  void aSeriesOnceSeen_staysAtZero_whenNoConnectionHasIt() {
    gauges.accept(Map.of(new ConnectionKey("json", "kill_switch", "1.0.0", true), 5));
    gauges.accept(Map.of(new ConnectionKey("protobuf", "in_rollout", "1.1.0", true), 1));

    assertThat(byReason("json", "kill_switch")).isZero();
    assertThat(byVersion("1.0.0")).isZero();
    assertThat(byReason("protobuf", "in_rollout")).isEqualTo(1);
  }
}
