package dev.protoshift.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReferenceClient;
import dev.protoshift.versioning.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The rollout policy as the server applies it to real connections. */
class RolloutEndToEndTest {

  static final class Last implements ReferenceClient.Listener {
    final List<Protocol> protocols = new CopyOnWriteArrayList<>();

    @Override
    public void state(ServerMessage.State state, ReferenceClient.Received r) {
      protocols.add(r.protocol());
    }
  }

  @Test
  void rollout30Percent_overManyRooms_landsNear30Percent() throws Exception {
    int rooms = 300;
    try (ClientRuntime clients = ClientRuntime.start();
        ReferenceServer server = TestServers.start(TestServers.settings()
            .rooms(TestServers.settings().build().rooms().withWanderers(1))
            .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "30")).build())) {
      List<Last> all = new ArrayList<>();
      List<ReferenceClient> open = new ArrayList<>();
      for (int r = 0; r < rooms; r++) {
        Last l = new Last();
        all.add(l);
        open.add(ReferenceClient.connect(clients,
            ReferenceClient.options(server.gameUri(), "room-" + r).backoff(Backoff.NONE).query("1.1.0"), l));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(l -> !l.protocols.isEmpty()));
      long protobuf = all.stream().filter(l -> l.protocols.get(0) == Protocol.PROTOBUF).count();
      // 300 rooms at 30%: 90 expected, binomial sd ~7.9; the hash is fixed, so this is deterministic.
      assertThat(protobuf).isBetween(66L, 114L);
      assertThat(server.metrics().scrape())
          .containsPattern("protoshift_rollout_decisions_total\\{protocol=\"protobuf\",reason=\"in_rollout\"} " + protobuf + ".0")
          .containsPattern("protoshift_rollout_decisions_total\\{protocol=\"json\",reason=\"out_of_rollout\"} " + (rooms - protobuf) + ".0");
      open.forEach(ReferenceClient::close);
    }
  }

  @Test
  void forcedRooms_winOverTheKillSwitchAndThePercentage() throws Exception {
    try (ClientRuntime clients = ClientRuntime.start();
        ReferenceServer server = TestServers.start(TestServers.settings()
            .environment(Map.of("PROTOBUF_ENABLED", "false", "PROTOBUF_FORCE_ENABLE_ROOMS", "vip, both",
                "PROTOBUF_FORCE_DISABLE_ROOMS", "tournament, both")).build())) {
      Map<String, Last> byRoom = new java.util.LinkedHashMap<>();
      List<ReferenceClient> open = new ArrayList<>();
      for (String room : List.of("vip", "tournament", "both", "plain")) {
        Last l = new Last();
        byRoom.put(room, l);
        open.add(ReferenceClient.connect(clients,
            ReferenceClient.options(server.gameUri(), room).backoff(Backoff.NONE).query("1.1.0"), l));
      }
      Last legacyInVip = new Last();
      open.add(ReferenceClient.connect(clients, ReferenceClient.options(server.gameUri(), "vip").backoff(Backoff.NONE),
          legacyInVip));
      await().atMost(Duration.ofSeconds(10)).until(() ->
          byRoom.values().stream().allMatch(l -> l.protocols.size() >= 3) && legacyInVip.protocols.size() >= 3);
      assertThat(byRoom.get("vip").protocols).containsOnly(Protocol.PROTOBUF);
      assertThat(byRoom.get("tournament").protocols).containsOnly(Protocol.JSON);
      assertThat(byRoom.get("both").protocols).as("forced off wins").containsOnly(Protocol.JSON);
      assertThat(byRoom.get("plain").protocols).as("kill switch").containsOnly(Protocol.JSON);
      assertThat(legacyInVip.protocols).as("no client support").containsOnly(Protocol.JSON);
      open.forEach(ReferenceClient::close);
    }
  }
}
