package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.server.ReadinessCommand;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.ServerCommand;
import dev.protoshift.server.TestServers;
import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.tools.loadtest.LoadSettings.Mix;
import dev.protoshift.versioning.ProtocolVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The readiness report end to end: real clients on a real server, the report from {@code GET
 * /admin/readiness} and the {@code readiness} subcommand's verdict and exit code. The server keeps
 * 100 ms buckets, so a 2 s window is judged after the clients have been on for longer than that.
 */
class ReadinessEndToEndTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Duration WINDOW = Duration.ofSeconds(2);
  static final Map<String, String> FULL_ROLLOUT = Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100");

  static ReferenceServer start(Map<String, String> env) throws Exception {
    return TestServers.start(TestServers.settings().rooms(RoomSettings.DEFAULTS.withTickRate(20).withWanderers(2))
        .environment(env).windows(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(1)).build());
  }

  /** {@code n} clients in {@code rooms} rooms: protobuf ones declare the version, JSON ones too unless it is empty. */
  static LoadSession clients(ReferenceServer server, Mix mix, Optional<ProtocolVersion> version, int n, String prefix)
      throws Exception {
    LoadSession s = LoadSession.open(new LoadSettings(List.of(server.gameUri()), n, 2, prefix, Duration.ofMinutes(5),
        Duration.ofMillis(200), mix, version, ClientHandshake.AUTO, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(1), 1), null);
    assertThat(s.failedConnects()).isZero();
    return s;
  }

  static boolean allOn(LoadSession s, String protocol) {
    return s.connections().stream().allMatch(c -> protocol.equals(c.protocol()));
  }

  static JsonNode readiness(ReferenceServer server, String query) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUri() + "/admin/readiness" + query))
        .header("Authorization", "Bearer " + TestServers.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The {@code readiness} subcommand as the command line parses it; its exit code and output. */
  static Cli cli(ReferenceServer server, Map<String, String> env, String... args) {
    CommandLine c = new CommandLine(new ServerCommand());
    List<String> all = new java.util.ArrayList<>(List.of("readiness", "--admin-url", server.adminUri().toString()));
    all.addAll(List.of(args));
    CommandLine.ParseResult parsed = c.parseArgs(all.toArray(String[]::new));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ((ReadinessCommand) parsed.subcommand().commandSpec().userObject())
        .run(env, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  record Cli(int code, String out, String err) {}

  static void soakPastTheWindow() throws InterruptedException {
    Thread.sleep(WINDOW.toMillis() + 500);
  }

  @Test
  void legacyJsonClients_notYet_withTheirShareAndVersions() throws Exception {
    try (ReferenceServer server = start(FULL_ROLLOUT);
        LoadSession protobuf = clients(server, Mix.PROTOBUF, Optional.of(ProtocolVersion.parse("1.2.0")), 10, "new");
        LoadSession legacy = clients(server, Mix.JSON, Optional.empty(), 5, "old");
        LoadSession jsonOnly = clients(server, Mix.JSON, Optional.of(ProtocolVersion.parse("1.0.0")), 5, "json")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> allOn(protobuf, "protobuf") && allOn(legacy, "json")
          && allOn(jsonOnly, "json"));
      soakPastTheWindow();

      JsonNode r = readiness(server, "?window=2s");
      Cli cli = cli(server, Map.of("PROTOSHIFT_ADMIN_TOKEN", TestServers.TOKEN), "--window", "2s");

      assertThat(r.path("verdict").asText()).isEqualTo("not_yet");
      assertThat(r.path("reasons").get(0).asText()).matches("50% of connections and \\d+(\\.\\d+)?% of traffic were"
          + " JSON over the last 2s, more than the 0.1% allowed");
      assertThat(r.path("reasons").get(1).asText()).isEqualTo("50% of connections are clients that cannot speak"
          + " protobuf (no_client_support 50%): versions none 25%, 1.0.0 25%");
      assertThat(r.path("reasons")).hasSize(2);
      assertThat(r.path("client_versions").findValuesAsText("version")).containsExactly("none", "1.0.0", "1.2.0");
      assertThat(r.path("client_versions").get(0).path("json_share").asDouble()).isEqualTo(1.0);
      assertThat(r.path("rollout").path("rollout_percentage").asInt()).isEqualTo(100);
      assertThat(cli.code()).as(cli.err()).isEqualTo(ReadinessCommand.NOT_YET);
      assertThat(cli.out()).startsWith("NOT YET over the last 2s")
          .contains("  - 50% of connections are clients that cannot speak protobuf (no_client_support 50%):"
              + " versions none 25%, 1.0.0 25%")
          .containsPattern("  json +no_client_support +50% ");
    }
  }

  @Test
  void onlyProtobufClients_atFullRollout_ready() throws Exception {
    try (ReferenceServer server = start(FULL_ROLLOUT);
        LoadSession protobuf = clients(server, Mix.PROTOBUF, Optional.of(ProtocolVersion.parse("1.2.0")), 12, "new")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> allOn(protobuf, "protobuf"));
      soakPastTheWindow();

      JsonNode r = readiness(server, "?window=2s");
      Cli cli = cli(server, Map.of("PROTOSHIFT_ADMIN_TOKEN", TestServers.TOKEN), "--window", "2s");

      assertThat(r.path("verdict").asText()).isEqualTo("ready");
      assertThat(r.path("summary").asText()).isEqualTo("ready: 100% of connections and 100% of traffic were"
          + " protobuf over the last 2s (at most 0.1% JSON allowed)");
      assertThat(r.path("connections").path("average_open").asDouble()).isCloseTo(12, org.assertj.core.data.Offset.offset(1.5));
      assertThat(r.path("traffic").path("bytes_sent").asLong()).isPositive();
      assertThat(cli.code()).as(cli.err()).isEqualTo(ReadinessCommand.READY);
      assertThat(cli.out()).startsWith("READY over the last 2s");
    }
  }

  @Test
  void protobufClientsUnderTheKillSwitch_notYet_theRolloutIsNotFinished() throws Exception {
    try (ReferenceServer server = start(Map.of("PROTOBUF_ENABLED", "false"));
        LoadSession protobuf = clients(server, Mix.PROTOBUF, Optional.of(ProtocolVersion.parse("1.2.0")), 6, "new")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> allOn(protobuf, "json"));
      soakPastTheWindow();

      JsonNode r = readiness(server, "?window=2s&max_json_percent=100");

      assertThat(r.path("reasons").get(0).asText()).isEqualTo("the rollout is not finished: 100% of connections were"
          + " served JSON by the rollout config (kill_switch 100%); set enabled: true, rollout_percentage: 100 and"
          + " no force_disable_rooms, then wait a full window");
      assertThat(r.path("by_reason").get(0).path("category").asText()).isEqualTo("config");
    }
  }

  @Test
  void badParameters_andAWindowBeyondTheRetention_are400() throws Exception {
    try (ReferenceServer server = start(FULL_ROLLOUT)) {
      for (String[] bad : List.of(new String[] {"?window=soon", "window must be a duration"},
          new String[] {"?window=2h", "window must be 100ms..1m"},
          new String[] {"?max_json_percent=140", "max_json_percent must be a number 0..100"},
          new String[] {"?windw=1m", "unknown query parameter windw"})) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUri() + "/admin/readiness"
            + bad[0])).header("Authorization", "Bearer " + TestServers.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
        assertThat(r.body()).as(bad[0]).contains(bad[1]);
      }
      assertThat(cli(server, Map.of()).code()).isEqualTo(ReadinessCommand.ERROR);
      Cli wrongToken = cli(server, Map.of("PROTOSHIFT_ADMIN_TOKEN", "not-the-token-0123456789"));
      assertThat(wrongToken.code()).isEqualTo(ReadinessCommand.ERROR);
      assertThat(wrongToken.err()).contains("answered 401");
    }
  }
}
