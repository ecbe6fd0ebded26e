package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.server.ReferenceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invalid config written mid-run (a value out of range, then text that is not YAML): the
 * server rejects each, the last good config stays in force, nobody switches or disconnects.
 */
class InvalidConfigChaosTest {

  private static final String GOOD = "protobuf:\n  enabled: true\n  rollout_percentage: 100\n";

  @TempDir
  Path dir;

  @Test
  void invalidConfig_midRun_lastGoodConfigStaysAndNothingDisconnects() throws Exception {
    Path config = dir.resolve("rollout.yaml");
    Files.writeString(config, GOOD);
    try (ReferenceServer server = Chaos.start(Chaos.settings().configFile(config).build());
        LoadSession session = Chaos.open(Chaos.load(server, 100, 10, "badconfig", 1))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> Chaos.allOn(session, "protobuf"));

      Chaos.writeAtomically(config, "protobuf:\n  enabled: false\n  rollout_percentage: 140\n");
      await().atMost(Duration.ofSeconds(5)).until(() -> rejected(server) >= 1);
      Chaos.writeAtomically(config, "protobuf: [enabled: {{ not yaml\n\u0000");
      await().atMost(Duration.ofSeconds(5)).until(() -> rejected(server) >= 2);
      Thread.sleep(1_000); // a second at least one tick long after the rejections

      String inForce = Chaos.admin(server, "GET", "/admin/rollout", null);
      assertThat(inForce).contains("\"enabled\":true").contains("\"rollout_percentage\":100");
      for (LoadConnection c : session.connections()) {
        assertThat(c.switches()).as("connection " + c.plan().connection()).isEmpty();
        assertThat(c.protocol()).isEqualTo("protobuf");
      }
      LoadResults results = session.finish("test");
      Chaos.assertClean(results);
      assertThat(results.cohorts()).extracting(CohortResults::key).containsExactly("protobuf/1.2.0");
      assertThat(results.server().protocolSwitches()).isZero();
    }
  }

  private static double rejected(ReferenceServer server) throws Exception {
    return MetricsSnapshot.parse(0, Chaos.admin(server, "GET", "/metrics", null))
        .sum("protoshift_config_changes_total", labels -> "rejected".equals(labels.get("result")));
  }
}
