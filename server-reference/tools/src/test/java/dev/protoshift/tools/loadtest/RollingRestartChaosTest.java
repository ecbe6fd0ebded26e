package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.tools.loadtest.LoadSettings.Mix;
import dev.protoshift.versioning.ProtocolVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart: two server processes behind a TCP balancer that routes new connections
 * to the first ready one. All clients start on A; A gets SIGTERM, drains (close 1012 with a
 * reconnect hint) and exits 0; every client reconnects, through the balancer, to B. The only
 * thing a client sees is that one reconnect: no decode error, no gap or repeat within a
 * stream, no failed connect.
 */
class RollingRestartChaosTest {

  private static final int CONNECTIONS = 100;

  @Test
  void sigterm_clientsReconnectToTheOtherServer_withNoErrorBeyondTheReconnect() throws Exception {
    Map<String, String> env = Map.of("PROTOSHIFT_ADMIN_TOKEN", Chaos.TOKEN, "PROTOBUF_ENABLED", "true",
        "PROTOBUF_ROLLOUT_PERCENTAGE", "100");
    try (ServerProcess a = ServerProcess.start("A", env, "--drain-timeout", "5s");
        ServerProcess b = ServerProcess.start("B", env, "--drain-timeout", "5s");
        TcpBalancer balancer = new TcpBalancer(List.of(
            new TcpBalancer.Backend(a.gamePort(), a.adminUri().resolve("/readyz")),
            new TcpBalancer.Backend(b.gamePort(), b.adminUri().resolve("/readyz"))))) {
      LoadSettings settings = new LoadSettings(List.of(URI.create("ws://127.0.0.1:" + balancer.port() + "/ws")),
          CONNECTIONS, 10, "rolling", Duration.ofMinutes(5), Duration.ofSeconds(1), Mix.PROTOBUF,
          Optional.of(ProtocolVersion.parse("1.2.0")), ClientHandshake.AUTO, 1, Optional.empty(), Optional.empty(),
          Optional.empty(), Duration.ofSeconds(1), 3);
      try (LoadSession session = LoadSession.open(settings, new PrintWriter(new StringWriter()))) {
        assertThat(session.failedConnects()).isZero();
        session.startWindow();
        await().atMost(Duration.ofSeconds(10)).until(() -> Chaos.allOn(session, "protobuf"));
        // TCP connections, not clients: Jetty's client may open a spare connection to a
        // destination that it then closes unused. What clients saw is checked below.
        assertThat(balancer.routed(0)).isGreaterThanOrEqualTo(CONNECTIONS);
        assertThat(balancer.routed(1)).isZero();

        a.terminate();
        assertThat(a.waitFor(Duration.ofSeconds(20))).as("A's exit code; output:\n" + a.output()).isZero();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
            session.connections().stream().allMatch(c -> c.opens() == 2 && "protobuf".equals(c.protocol())));
        Thread.sleep(1_000); // a second of states from B

        for (LoadConnection c : session.connections()) {
          assertThat(c.closeCodes()).as("connection " + c.plan().connection()).containsExactly(1012);
        }
        assertThat(balancer.routed(1)).isGreaterThanOrEqualTo(CONNECTIONS);
        LoadResults results = session.finish("test");
        assertThat(results.run().connectFailures()).isZero();
        assertThat(results.cohorts()).extracting(CohortResults::key).containsExactly("protobuf/1.2.0");
        CohortResults c = results.cohorts().get(0);
        assertThat(c.decodeErrors()).isZero();
        assertThat(c.gaps()).isZero();
        assertThat(c.repeats()).isZero();
        assertThat(c.disconnects()).isEqualTo(CONNECTIONS);
        assertThat(c.reconnects()).isEqualTo(CONNECTIONS);
        assertThat(c.samples()).allMatch(s -> s.disconnects() == 1);
      }
    }
  }
}
