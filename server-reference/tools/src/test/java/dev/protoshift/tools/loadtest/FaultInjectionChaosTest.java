package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.server.ReferenceServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fault injection on: half of the inbound binary frames are corrupted. In one room, ten
 * protobuf clients send inputs (their frames get corrupted, so the server downgrades them to
 * JSON) and ten only listen: those stay on protobuf, untouched. Nobody loses an update or
 * the connection.
 */
class FaultInjectionChaosTest {

  @Test
  void faultInjection_sendersDowngradeToJson_restOfTheRoomUnaffected() throws Exception {
    try (ReferenceServer server = Chaos.start(Chaos.settings()
            .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100"))
            .injectProtoErrors(0.5)
            .decodeErrorLimit(5).decodeErrorWindow(Duration.ofSeconds(10)).build());
        LoadSession listeners = Chaos.open(Chaos.load(server, 10, 1, "fault", 0));
        LoadSession senders = Chaos.open(Chaos.load(server, 10, 1, "fault", 10))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> Chaos.allOn(listeners, "protobuf"));
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
          .until(() -> Chaos.allOn(senders, "json"));
      Thread.sleep(2_000); // the room keeps going: listeners still on protobuf, senders on JSON

      for (LoadConnection c : senders.connections()) {
        assertThat(c.switchReasons()).as("sender " + c.plan().connection()).containsExactly("decode_errors");
      }
      for (LoadConnection c : listeners.connections()) {
        assertThat(c.protocol()).isEqualTo("protobuf");
        assertThat(c.switches()).as("listener " + c.plan().connection()).isEmpty();
      }
      LoadResults heard = listeners.finish("test");
      LoadResults sent = senders.finish("test");
      Chaos.assertClean(heard);
      Chaos.assertClean(sent);
      assertThat(heard.cohorts()).extracting(CohortResults::key).containsExactly("protobuf/1.2.0");
      assertThat(sent.cohorts()).extracting(CohortResults::key).containsExactly("protobuf/1.2.0", "json/1.2.0");
      assertThat(sent.cohorts().get(1).connections()).isEqualTo(10);
      assertThat(sent.server().protocol("protobuf").orElseThrow().decodeErrors()).isPositive();
      assertThat(List.of(heard.cohorts().get(0).messages())).allMatch(m -> m > 0);
    }
  }
}
