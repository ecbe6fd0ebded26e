package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.ServerSettings;
import dev.protoshift.operations.admin.AdminToken;
import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.server.TestServers;
import dev.protoshift.session.micrometer.MicrometerSessionMetrics;
import dev.protoshift.tools.loadtest.LoadSettings.Mix;
import dev.protoshift.versioning.ProtocolVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the chaos tests share: servers on loopback, load sessions against them, the admin API. */
final class Chaos {

  static final String TOKEN = "chaos-admin-token-0123456789";
  static final int TICK_HZ = 20;

  /** Server and test read the same clock; this covers the microsecond rounding of both. */
  static final long CLOCK_TOLERANCE_MICROS = 1_000;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Chaos() {}

  /** Loopback, free ports, 20 Hz, four wanderers per room, a short drain. */
  static TestServers.Settings settings() {
    return TestServers.settings().rooms(RoomSettings.DEFAULTS.withTickRate(TICK_HZ).withWanderers(4))
        .drainTimeout(Duration.ofSeconds(3));
  }

  static ReferenceServer start(ServerSettings settings) throws Exception {
    return ReferenceServer.start(settings, AdminToken.of(TOKEN, "chaos test"), MicrometerSessionMetrics.prometheus());
  }

  /** Every client declares protobuf (schema version 1.2.0); no inputs unless asked. */
  static LoadSettings load(ReferenceServer server, int connections, int rooms, String prefix, double inputsPerSecond) {
    return new LoadSettings(List.of(URI.create("ws://127.0.0.1:" + server.port() + "/ws")), connections, rooms, prefix,
        Duration.ofMinutes(10), Duration.ofMillis(Math.max(500, connections * 4L)), Mix.PROTOBUF,
        Optional.of(ProtocolVersion.parse("1.2.0")), ClientHandshake.AUTO, inputsPerSecond, Optional.empty(),
        Optional.of(server.adminUri()), Optional.of(TOKEN), Duration.ofSeconds(1), 7);
  }

  static LoadSession open(LoadSettings settings) throws Exception {
    LoadSession session = LoadSession.open(settings, new PrintWriter(new StringWriter()));
    assertThat(session.failedConnects()).as("failed connects").isZero();
    session.startWindow();
    return session;
  }

  /** An admin API call; returns the body, fails the test on a status other than 200. */
  static String admin(ReferenceServer server, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.adminUri().resolve(path))
        .header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  /** Writes a file in one step (a temporary file moved over it), as a config management tool would. */
  static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "config", ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** Every open connection is on {@code protocol}. */
  static boolean allOn(LoadSession session, String protocol) {
    return session.connections().stream().allMatch(c -> protocol.equals(c.protocol()));
  }

  /** The run had no decode errors, gaps, repeats or disconnects in any cohort. */
  static void assertClean(LoadResults results) {
    assertThat(results.run().connectFailures()).as("failed connects").isZero();
    for (CohortResults c : results.cohorts()) {
      assertThat(c.decodeErrors()).as(c.key() + " decode errors").isZero();
      assertThat(c.gaps()).as(c.key() + " gaps").isZero();
      assertThat(c.repeats()).as(c.key() + " repeats").isZero();
      assertThat(c.disconnects()).as(c.key() + " disconnects").isZero();
    }
  }
}
