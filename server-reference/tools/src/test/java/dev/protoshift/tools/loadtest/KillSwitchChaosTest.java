package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.server.ReferenceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch under load: 500 protobuf connections in 50 rooms; {@code enabled: false}
 * through the config file, and through the admin API; every protobuf connection must be on
 * JSON from the room's next tick, with no gap, repeat, corrupt frame or disconnect; then
 * re-enabled, they all come back to protobuf the same way.
 */
class KillSwitchChaosTest {

  private static final int CONNECTIONS = 500;
  private static final int ROOMS = 50;

  @TempDir
  Path dir;

  @Test
  void killSwitch_viaConfigFile_switchesEveryConnectionWithinOneTick() throws Exception {
    Path config = dir.resolve("rollout.yaml");
    Files.writeString(config, "protobuf:\n  enabled: true\n  rollout_percentage: 100\n");
    try (ReferenceServer server = Chaos.start(Chaos.settings().configFile(config).build());
        LoadSession session = Chaos.open(Chaos.load(server, CONNECTIONS, ROOMS, "kill-file", 0))) {
      awaitAllOn(session, "protobuf");
      flip(server, session, "json", () -> Chaos.writeAtomically(config, "protobuf:\n  enabled: false\n  rollout_percentage: 100\n"),
          "\"enabled\":false");
      flip(server, session, "protobuf", () -> Chaos.writeAtomically(config, "protobuf:\n  enabled: true\n  rollout_percentage: 100\n"),
          "\"enabled\":true");
      assertFinished(session.finish("test"));
    }
  }

  @Test
  void killSwitch_viaAdminApi_switchesEveryConnectionWithinOneTick() throws Exception {
    try (ReferenceServer server = Chaos.start(Chaos.settings()
            .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build());
        LoadSession session = Chaos.open(Chaos.load(server, CONNECTIONS, ROOMS, "kill-admin", 0))) {
      awaitAllOn(session, "protobuf");
      flip(server, session, "json", () -> Chaos.admin(server, "POST", "/admin/kill-switch", null), "\"enabled\":false");
      flip(server, session, "protobuf", () -> Chaos.admin(server, "DELETE", "/admin/kill-switch", null),
          "\"enabled\":true");
      assertFinished(session.finish("test"));
    }
  }

  interface Change {
    void apply() throws Exception;
  }

  /**
   * Applies a change, waits until the server's config in force shows {@code inForce}, then
   * checks that every connection switched to {@code to} within one tick: the last state it got
   * in the old protocol was taken before the change was in force, the first in the new one not
   * before the change was made.
   */
  private static void flip(ReferenceServer server, LoadSession session, String to, Change change, String inForce)
      throws Exception {
    int before = session.connections().get(0).switches().size();
    long changedAt = Chaos.nowMicros();
    change.apply();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
        .until(() -> Chaos.admin(server, "GET", "/admin/rollout", null).contains(inForce));
    long inForceAt = Chaos.nowMicros();
    awaitAllOn(session, to);
    Map<String, List<LoadConnection.Switch>> byRoom = session.connections().stream()
        .collect(Collectors.groupingBy(c -> c.plan().room(), Collectors.mapping(c -> {
          List<LoadConnection.Switch> s = c.switches();
          assertThat(s).as("switches of connection " + c.plan().connection()).hasSize(before + 1);
          return s.get(before);
        }, Collectors.toList())));
    assertThat(byRoom).hasSize(ROOMS);
    byRoom.forEach((room, switches) -> {
      assertThat(switches).extracting(LoadConnection.Switch::to).containsOnly(to);
      // A config change reaches a room as one flag its next broadcast reads: the whole room
      // switches at one tick (protoshift-session's RoomFanout guarantee).
      LongSummaryStatistics ticks = switches.stream().mapToLong(LoadConnection.Switch::tick).summaryStatistics();
      assertThat(ticks.getMax() - ticks.getMin()).as("room " + room + " switch ticks " + ticks).isZero();
      for (LoadConnection.Switch sw : switches) {
        // Within one tick: no tick taken after the change was in force went out in the old
        // protocol, and no tick taken before the change was made came in the new one.
        assertThat(sw.previousNowMicros()).as("room " + room + ": last " + sw.from() + " state before the switch, taken at")
            .isLessThanOrEqualTo(inForceAt + Chaos.CLOCK_TOLERANCE_MICROS);
        assertThat(sw.nowMicros()).as("room " + room + ": first " + to + " state, taken at")
            .isGreaterThanOrEqualTo(changedAt - Chaos.CLOCK_TOLERANCE_MICROS);
      }
    });
    Thread.sleep(1_000); // a second of steady state in the new protocol
  }

  private static void awaitAllOn(LoadSession session, String protocol) {
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
        .until(() -> Chaos.allOn(session, protocol));
  }

  private static void assertFinished(LoadResults results) {
    Chaos.assertClean(results);
    assertThat(results.cohorts()).extracting(CohortResults::key).containsExactly("protobuf/1.2.0", "json/1.2.0");
    assertThat(results.cohorts().get(0).connections()).isEqualTo(CONNECTIONS);
    assertThat(results.cohorts().get(1).connections()).isEqualTo(CONNECTIONS);
    assertThat(results.server().protocolSwitches()).isEqualTo(2L * CONNECTIONS);
  }
}
