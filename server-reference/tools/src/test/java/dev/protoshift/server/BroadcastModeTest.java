package dev.protoshift.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReferenceClient;
import dev.protoshift.versioning.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BroadcastModeTest {

  /** What one client received: protocol, tick and size of each state. */
  private record Got(Protocol protocol, long tick, int bytes, String me) {}

  /** A protobuf and a JSON client in one room, each until it got 20 states. */
  private static Map<String, List<Got>> receive(BroadcastMode mode) throws Exception {
    ServerSettings settings = TestServers.settings().broadcastMode(mode)
        .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build();
    Map<String, List<Got>> got = Map.of("protobuf", new CopyOnWriteArrayList<>(), "json", new CopyOnWriteArrayList<>());
    try (ReferenceServer server = TestServers.start(settings); ClientRuntime runtime = ClientRuntime.start()) {
      ReferenceClient.Options base = ReferenceClient.options(server.gameUri(), "modes").backoff(Backoff.NONE);
      for (String p : got.keySet()) {
        ReferenceClient.Options o = p.equals("protobuf") ? base.query("1.2.0") : base.subprotocol("1.2.0", false);
        ReferenceClient.connect(runtime, o, new ReferenceClient.Listener() {
          @Override
          public void state(ServerMessage.State s, ReferenceClient.Received r) {
            got.get(p).add(new Got(r.protocol(), s.tick(), r.bytes(), s.me() == null ? null : s.me().id()));
          }
        });
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> got.values().stream().allMatch(l -> l.size() >= 20));
    }
    return got;
  }

  @Test
  void perConnection_everyClientGetsEveryTickWithItsOwnGhost() throws Exception {
    Map<String, List<Got>> got = receive(BroadcastMode.PER_CONNECTION);
    got.forEach((p, states) -> {
      assertThat(states).extracting(Got::protocol).containsOnly(p.equals("protobuf") ? Protocol.PROTOBUF : Protocol.JSON);
      for (int i = 1; i < states.size(); i++) {
        assertThat(states.get(i).tick()).as(p).isEqualTo(states.get(i - 1).tick() + 1);
      }
      assertThat(states).extracting(Got::me).doesNotContainNull();
    });
  }

  @Test
  void preEncoded_sendsTheRoomsFirstEncodingEveryTick() throws Exception {
    Map<String, List<Got>> got = receive(BroadcastMode.PRE_ENCODED);
    got.forEach((p, states) -> {
      assertThat(states).extracting(Got::tick).as(p).containsOnly(states.get(0).tick());
      assertThat(states).extracting(Got::bytes).as(p).containsOnly(states.get(0).bytes());
    });
  }

  @Test
  void parse_codes_andBadValueNamed() {
    assertThat(BroadcastMode.parse("per-cohort")).isEqualTo(BroadcastMode.PER_COHORT);
    assertThat(BroadcastMode.parse(" Per-Connection ")).isEqualTo(BroadcastMode.PER_CONNECTION);
    assertThat(BroadcastMode.parse("pre-encoded")).isEqualTo(BroadcastMode.PRE_ENCODED);
    assertThatThrownBy(() -> BroadcastMode.parse("cohort")).hasMessageContaining("\"cohort\"");
  }

  @Test
  void settings_defaultIsPerCohort() {
    assertThat(ServerSettings.DEFAULTS.diagnostics().broadcastMode()).isEqualTo(BroadcastMode.PER_COHORT);
  }
}
