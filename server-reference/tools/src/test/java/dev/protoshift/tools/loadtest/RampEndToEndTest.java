package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.tools.loadtest.LoadSettings.Mix;
import dev.protoshift.versioning.ProtocolVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guarded ramp on one real server with real clients: it climbs 10 → 25 → 50 → 100 while the
 * gates hold, and with {@code on_failure: kill_switch} a burst of decode errors (fault injection
 * turned on at runtime) engages the kill switch until an operator resumes.
 */
class RampEndToEndTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  /** A config file with a plan: steps and soak as given, 500 ms evaluations over 5 s, small evidence minimums. */
  Path config(String steps, String soak, String onFailure) throws Exception {
    return Files.writeString(dir.resolve("config.yaml"), """
        protobuf:
          enabled: true
          bucket_by: connection
          force_enable_rooms: ["ramp-0"]   # protobuf clients at every step, whatever the hash gives
        protobuf_ramp:
          enabled: true
          start: "%s"
          steps: %s
          soak: %s
          evaluation_interval: 500ms
          gate_window: 5s
          on_failure: %s
          state_dir: %s
          gates:
            decode_error_margin: 0.01
            min_protobuf_messages: 10
            min_protobuf_connection_hours: 0.0002
        """.formatted(Instant.now().minusSeconds(1), steps, soak, onFailure, dir.resolve("ramp")));
  }

  static ReferenceServer start(Path config) throws Exception {
    return TestServers.start(TestServers.settings().rooms(RoomSettings.DEFAULTS.withTickRate(20).withWanderers(2))
        .configFile(config).allowFaultInjection(true)
        .windows(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(1)).build());
  }

  static LoadSession clients(ReferenceServer server, int n) throws Exception {
    LoadSession s = LoadSession.open(new LoadSettings(List.of(server.gameUri()), n, n / 2, "ramp", Duration.ofMinutes(5),
        Duration.ofMillis(300), Mix.PROTOBUF, Optional.of(ProtocolVersion.parse("1.2.0")), ClientHandshake.AUTO, 5,
        Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), 3), null);
    assertThat(s.failedConnects()).isZero();
    return s;
  }

  static JsonNode admin(ReferenceServer server, String method, String path, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUri() + path))
        .header("Authorization", "Bearer " + TestServers.TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static String scrape(ReferenceServer server) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUri() + "/metrics"))
        .header("Authorization", "Bearer " + TestServers.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void healthyClients_rampClimbsEveryStep_toDone() throws Exception {
    try (ReferenceServer server = start(config("[10, 25, 50, 100]", "1s", "previous_step"));
        LoadSession clients = clients(server, 40)) {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> admin(server, "GET", "/admin/ramp", null).path("status").asText().equals("done"));

      JsonNode ramp = admin(server, "GET", "/admin/ramp", null);
      assertThat(ramp.path("state").path("history").findValuesAsText("action"))
          .containsExactly("start", "advance", "advance", "advance");
      assertThat(ramp.path("state").path("history").findValuesAsText("to")).containsExactly("10", "25", "50", "100");
      assertThat(ramp.path("state").path("history").get(1).path("reason").asText())
          .startsWith("gates held for ").contains("at 10%: decode_errors pass: protobuf 0 of ");
      assertThat(ramp.path("applied").path("rollout_percentage").asInt()).isEqualTo(100);
      assertThat(server.rollout().current().rolloutBasisPoints()).isEqualTo(10_000);
      await().atMost(Duration.ofSeconds(5)).until(() -> Chaos.allOn(clients, "protobuf"));
      assertThat(scrape(server))
          .contains("protoshift_ramp_transitions_total{action=\"advance\"} 3.0")
          .contains("protoshift_ramp_percentage 100.0")
          .contains("protoshift_ramp_status{status=\"done\"} 1.0")
          .contains("protoshift_config_changes_total{result=\"applied\",source=\"ramp\"}");
    }
  }

  @Test
  void decodeErrors_withKillSwitchOnFailure_engageTheKillSwitch_untilResumed() throws Exception {
    try (ReferenceServer server = start(config("[50, 100]", "1h", "kill_switch"));
        LoadSession clients = clients(server, 20)) {
      await().atMost(Duration.ofSeconds(10)).until(() ->
          admin(server, "GET", "/admin/ramp", null).path("applied").path("rollout_percentage").asInt() == 50);

      admin(server, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 1}");
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> admin(server, "GET", "/admin/ramp", null).path("status").asText().equals("kill_switch"));

      JsonNode ramp = admin(server, "GET", "/admin/ramp", null);
      JsonNode last = ramp.path("state").path("history").get(ramp.path("state").path("history").size() - 1);
      assertThat(last.path("action").asText()).isEqualTo("kill_switch");
      assertThat(last.path("reason").asText()).startsWith("gate failed at 50%: ").contains("decode_errors fail");
      assertThat(ramp.path("applied").path("enabled").asBoolean(true)).isFalse();
      assertThat(server.rollout().current().enabled()).isFalse();
      await().atMost(Duration.ofSeconds(5)).until(() -> Chaos.allOn(clients, "json"));

      admin(server, "PUT", "/admin/fault-injection", "{\"inject_proto_errors\": 0}");
      JsonNode resumed = admin(server, "POST", "/admin/ramp/resume", null);
      assertThat(resumed.path("status").asText()).isEqualTo("ramping");
      assertThat(resumed.path("applied").path("rollout_percentage").asInt()).isEqualTo(50);
      assertThat(server.rollout().current().enabled()).isTrue();
      assertThat(admin(server, "POST", "/admin/ramp/pause", null).path("status").asText()).isEqualTo("paused");
      assertThat(scrape(server))
          .contains("protoshift_ramp_transitions_total{action=\"kill_switch\"} 1.0")
          .contains("protoshift_ramp_transitions_total{action=\"resume\"} 1.0")
          .contains("protoshift_ramp_transitions_total{action=\"pause\"} 1.0");
    }
  }
}
