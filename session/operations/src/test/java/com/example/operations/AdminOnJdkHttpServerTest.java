package com.example.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.WindowSettings;
import dev.protoshift.operations.admin.AdminApi;
import dev.protoshift.operations.admin.AdminRoute.AdminResponse;
import dev.protoshift.operations.admin.AdminToken;
import dev.protoshift.session.ConnectionIds;
import dev.protoshift.session.Session;
import dev.protoshift.session.SessionMetrics;
import dev.protoshift.session.Sessions;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A team whose server has no Jetty mounts protoshift's admin API on the JDK's own HTTP server:
 * the adapter below ({@link #serve}) is all it writes to get the kill switch, the rollout routes,
 * cohorts and health checks of docs/operations.md.
 */
class AdminOnJdkHttpServerTest {

  static final String TOKEN = "jdk-http-server-admin-token-42";

  /** The team's adapter: one request in, one answer out. */
  // doc:start admin-jdk
  static void serve(AdminApi admin, HttpExchange exchange) throws IOException {
    try (exchange) {
      AdminResponse answer = admin.handle(new AdminApi.Request(exchange.getRequestMethod(),
          exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
          exchange.getRequestHeaders().getOrDefault("Authorization", List.of()),
          limit -> {
            try (InputStream in = exchange.getRequestBody()) {
              return in.readNBytes(limit); // never more than the API's limit is read
            }
          }));
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
  // doc:end

  @Test
  void theKillSwitchOverHttp_turnsTheTeamsSessionsToJson() throws Exception {
    RolloutConfigHolder rollout = RolloutConfigHolder.builder()
        .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build();
    Sessions<StringValue.Builder> sessions = Sessions.builder(AdopterTest.CHAIN, AdopterTest.CODEC::decode,
        (code, message, cohort) -> new byte[0]).rollout(rollout).metrics(SessionMetrics.NONE).build();
    ConnectionWindows windows = new ConnectionWindows(WindowSettings.DEFAULTS);
    windows.start(sessions);
    List<String> rooms = List.of("room-1");
    AdminToken token = AdminToken.of(TOKEN, "environment PROTOSHIFT_ADMIN_TOKEN");
    // doc:start admin-build
    AdminApi admin = AdminApi.builder(token)  // AdminToken.fromFile(path), .of(secret, source) or .generate(dir)
        .ready(() -> !sessions.draining())     // /readyz: 200, or 503 once draining
        .rollout(rollout)                      // /admin/rollout, /admin/kill-switch, /admin/config/reload
        .sessions(sessions)                    // /admin/cohorts
        .cohortStat("rooms", rooms::size)      // a number of the game's own in /admin/cohorts
        .readiness(windows)                    // /admin/readiness
        .build();
    // doc:end
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", exchange -> serve(admin, exchange));
    http.start();
    HttpClient client = HttpClient.newHttpClient();
    try {
      // a session not seated in a room re-decides at once; one in a RoomFanout at its room's next broadcast
      Session player = sessions.upgrade("proto_version=1.0.0", List.of(), new ConnectionIds("room-1", "c1", "p1"))
          .open(new AdopterTest.NullTransport());
      assertThat(player.protocol().code()).isEqualTo("protobuf");
      URI base = URI.create("http://127.0.0.1:" + http.getAddress().getPort());

      HttpResponse<String> refused = client.send(HttpRequest.newBuilder(base.resolve("/admin/kill-switch"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> engaged = client.send(HttpRequest.newBuilder(base.resolve("/admin/kill-switch"))
          .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(engaged.statusCode()).isEqualTo(200);
      assertThat(engaged.body()).contains("\"enabled\":false").contains("\"connections\":1");
      assertThat(rollout.current().enabled()).isFalse();
      assertThat(player.protocol().code()).isEqualTo("json");

      HttpResponse<String> cohorts = client.send(HttpRequest.newBuilder(base.resolve("/admin/cohorts"))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(cohorts.body()).contains("\"rooms\":1").contains("\"connections\":1");
      HttpResponse<String> readiness = client.send(HttpRequest.newBuilder(base.resolve("/admin/readiness?window=1m"))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(readiness.body()).contains("\"verdict\"");
      assertThat(client.send(HttpRequest.newBuilder(base.resolve("/readyz")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      sessions.drain("reconnect_after_ms=1000");
      assertThat(client.send(HttpRequest.newBuilder(base.resolve("/readyz")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
    } finally {
      http.stop(0);
      windows.close();
      sessions.close();
      rollout.close();
    }
  }
}
