package dev.protoshift.operations.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.WindowSettings;
import dev.protoshift.operations.admin.AdminApi.Body;
import dev.protoshift.operations.admin.AdminApi.Request;
import dev.protoshift.operations.admin.AdminRoute.AdminResponse;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest {

  static final String TOKEN = "admin-api-test-token-0123456789";
  static final String BEARER = "Bearer " + TOKEN;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  final RolloutConfigHolder rollout = RolloutConfigHolder.builder()
      .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "25")).build();
  final ConnectionWindows windows = new ConnectionWindows(
      new WindowSettings(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(1)));

  @AfterEach
  void close() {
    rollout.close();
    windows.close();
  }

  AdminApi api(AdminRoute... extra) {
    AdminApi.Builder b = AdminApi.builder(AdminToken.of(TOKEN, "test")).rollout(rollout).readiness(windows)
        .metrics(() -> "# TYPE x counter\nx_total 1\n");
    for (AdminRoute r : extra) {
      b.route(r);
    }
    return b.build();
  }

  static Request request(String method, String path, String query, String body, String... authorization) {
    return new Request(method, path, query, List.of(authorization), body == null ? Body.EMPTY : Body.of(body));
  }

  static JsonNode json(AdminResponse r) throws IOException {
    assertThat(r.contentType()).isEqualTo("application/json");
    return JSON.readTree(r.body());
  }

  @Test
  void healthAndReadiness_needNoToken_andReadyzFollowsItsSupplier() throws Exception {
    AtomicBoolean ready = new AtomicBoolean(false);
    AdminApi api = AdminApi.builder(AdminToken.of(TOKEN, "test")).ready(ready::get).build();

    assertThat(api.handle(request("GET", "/healthz", null, null)).status()).isEqualTo(200);
    AdminResponse starting = api.handle(request("GET", "/readyz", null, null));
    assertThat(starting.status()).isEqualTo(503);
    assertThat(json(starting).path("status").asText()).isEqualTo("not_ready");
    ready.set(true);
    assertThat(api.handle(request("GET", "/readyz", null, null)).status()).isEqualTo(200);
  }

  @Test
  void readyz_showsAnUnreadableConfigFile_butStaysReady() throws Exception {
    Path file = Files.writeString(dir.resolve("rollout.yaml"), "protobuf:\n  enabled: true\n");
    try (RolloutConfigHolder watched = RolloutConfigHolder.builder().file(file).build()) {
      Files.delete(file);
      watched.reloadFile();
      AdminApi api = AdminApi.builder(AdminToken.of(TOKEN, "test")).rollout(watched).build();

      AdminResponse r = api.handle(request("GET", "/readyz", null, null));

      assertThat(r.status()).isEqualTo(200);
      assertThat(json(r).path("config_file").path("healthy").asBoolean()).isFalse();
      assertThat(json(r).path("config_file").path("problem").asText()).contains("rollout.yaml");
    }
  }

  @Test
  void withoutAValidToken_knownAndUnknownPathsAnswerAlike_withAChallenge_andNoBodyIsRead() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    Body counted = limit -> {
      reads.incrementAndGet();
      return new byte[0];
    };
    AdminApi api = api();
    for (List<String> auth : List.of(List.<String>of(), List.of("Bearer wrong-token-0123456789"), List.of("Basic " + TOKEN),
        List.of("Bearer"))) {
      AdminResponse known = api.handle(new Request("PUT", "/admin/rollout", null, auth, counted));
      AdminResponse unknown = api.handle(new Request("GET", "/admin/nope", null, auth, counted));
      assertThat(known.status()).as(auth.toString()).isEqualTo(401);
      assertThat(unknown.body()).isEqualTo(known.body());
      assertThat(known.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"protoshift-admin\"");
    }
    assertThat(reads).hasValue(0);
  }

  @Test
  void twoAuthorizationHeaders_areRefused_evenIfOneIsRight() throws Exception {
    AdminResponse r = api().handle(request("GET", "/metrics", null, null, "Bearer someone-elses-0123456789", BEARER));
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).path("message").asText()).contains("more than one Authorization header");
  }

  @Test
  void unknownPath_is404_wrongMethod_is405WithAllow() throws Exception {
    AdminApi api = api();
    assertThat(api.handle(request("GET", "/admin/nope", null, null, BEARER)).status()).isEqualTo(404);
    AdminResponse r = api.handle(request("POST", "/admin/rollout", null, "{}", BEARER));
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("Allow", "DELETE, GET, PATCH, PUT");
    assertThat(json(r).path("error").asText()).isEqualTo("Method Not Allowed");
  }

  @Test
  void metrics_arePrometheusText() {
    AdminResponse r = api().handle(request("GET", "/metrics", null, null, BEARER));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo(AdminApi.PROMETHEUS_TEXT);
    assertThat(r.body()).contains("x_total 1");
  }

  @Test
  void anOversizedBody_is413_andTheTransportIsAskedForNoMoreThanTheLimitPlusOne() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    Body huge = limit -> {
      asked.set(limit);
      return new byte[limit];
    };
    AdminResponse r = api().handle(new Request("PUT", "/admin/rollout", null, List.of(BEARER), huge));
    assertThat(r.status()).isEqualTo(413);
    assertThat(asked).hasValue(AdminApi.MAX_BODY + 1);
    assertThat(json(r).path("message").asText()).contains(String.valueOf(AdminApi.MAX_BODY));
  }

  @Test
  void killSwitch_engagesAndReleases_onlyTheAdminLayer() throws Exception {
    AdminApi api = api();
    assertThat(json(api.handle(request("GET", "/admin/rollout", null, null, BEARER))).path("config")
        .path("rollout_percentage").asInt()).isEqualTo(25);

    JsonNode engaged = json(api.handle(request("POST", "/admin/kill-switch", null, null, BEARER)));
    assertThat(engaged.path("config").path("enabled").asBoolean()).isFalse();
    assertThat(engaged.path("layers").path("admin").path("enabled").asBoolean()).isFalse();
    assertThat(rollout.current().enabled()).isFalse();

    api.handle(request("PATCH", "/admin/rollout", null, "rollout_percentage: 50", BEARER));
    JsonNode released = json(api.handle(request("DELETE", "/admin/kill-switch", null, null, BEARER)));
    assertThat(released.path("config").path("enabled").asBoolean()).isTrue();
    assertThat(released.path("layers").path("admin").path("rollout_percentage").asInt())
        .as("releasing the kill switch keeps the admin layer's other keys").isEqualTo(50);
  }

  @Test
  void anInvalidRolloutBody_is400NamingIt_andTheConfigStays() throws Exception {
    AdminResponse r = api().handle(request("PUT", "/admin/rollout", null, "rollout_percentage: 150", BEARER));
    assertThat(r.status()).isEqualTo(400);
    assertThat(json(r).path("message").asText()).contains("rollout_percentage");
    assertThat(rollout.current().rolloutBasisPoints()).isEqualTo(2_500);
  }

  @Test
  void reload_withoutAConfigFile_is409() throws Exception {
    AdminResponse r = api().handle(request("POST", "/admin/config/reload", null, null, BEARER));
    assertThat(r.status()).isEqualTo(409);
    assertThat(json(r).path("message").asText()).contains("no config file");
  }

  @Test
  void readiness_takesItsWindowAndThreshold_fromTheQuery_andNamesABadOne() throws Exception {
    AdminApi api = api();
    JsonNode ok = json(api.handle(request("GET", "/admin/readiness", "window=30s&max_json_percent=0.5", null, BEARER)));
    assertThat(ok.path("verdict").asText()).isNotEmpty();
    assertThat(ok.path("rollout").path("rollout_percentage").asInt()).isEqualTo(25);

    AdminResponse badWindow = api.handle(request("GET", "/admin/readiness", "window=soon", null, BEARER));
    assertThat(badWindow.status()).isEqualTo(400);
    assertThat(json(badWindow).path("message").asText()).contains("window").contains("\"soon\"");
    AdminResponse badPercent = api.handle(request("GET", "/admin/readiness", "max_json_percent=101", null, BEARER));
    assertThat(json(badPercent).path("message").asText()).contains("max_json_percent").contains("\"101\"");
    AdminResponse unknown = api.handle(request("GET", "/admin/readiness", "windw=1h", null, BEARER));
    assertThat(json(unknown).path("message").asText()).contains("unknown query parameter windw");
    AdminResponse twice = api.handle(request("GET", "/admin/readiness", "window=1h&window=2h", null, BEARER));
    assertThat(json(twice).path("message").asText()).contains("given 2 times");
    AdminResponse badEncoding = api.handle(request("GET", "/admin/readiness", "window=%zz", null, BEARER));
    assertThat(badEncoding.status()).isEqualTo(400);
    assertThat(json(badEncoding).path("message").asText()).contains("%zz");
  }

  @Test
  void aRouteOfTheGamesOwn_isBehindTheToken_andItsFailureIsA500_notAnException() throws Exception {
    AdminApi api = api(new AdminRoute("GET", "/admin/echo", r -> AdminRoute.AdminResponse.text(200, r.body())),
        new AdminRoute("GET", "/admin/broken", r -> {
          throw new IllegalStateException("the game's bug");
        }));
    assertThat(api.handle(request("GET", "/admin/echo", null, "hi", BEARER)).body()).isEqualTo("hi");
    assertThat(api.handle(request("GET", "/admin/echo", null, "hi")).status()).isEqualTo(401);
    AdminResponse broken = api.handle(request("GET", "/admin/broken", null, null, BEARER));
    assertThat(broken.status()).isEqualTo(500);
    assertThat(json(broken).path("message").asText()).contains("the game's bug");
    AdminResponse unreadable = api.handle(new Request("GET", "/admin/echo", null, List.of(BEARER), limit -> {
      throw new IOException("connection reset");
    }));
    assertThat(unreadable.status()).isEqualTo(500);
  }

  @Test
  void conflictingRoutes_areRefusedAtBuild() {
    AdminRoute.Action ok = r -> AdminRoute.AdminResponse.text(200, "");
    assertThatThrownBy(() -> api(new AdminRoute("GET", "/admin/rollout", ok)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /admin/rollout");
    assertThatThrownBy(() -> api(new AdminRoute("GET", "/readyz", ok)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/readyz");
  }
}
