package dev.protoshift.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReconnectingSocket;
import dev.protoshift.tools.client.RecordingListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest {

  static final HttpClient http = HttpClient.newHttpClient();
  ClientRuntime clients;
  ReferenceServer server;

  @TempDir
  Path dir;

  @BeforeEach
  void startClients() {
    clients = ClientRuntime.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    clients.close();
  }

  HttpResponse<String> call(String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.adminUri() + path))
        .header("Authorization", "Bearer " + TestServers.TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  RecordingListener connect(String query) throws Exception {
    RecordingListener listener = new RecordingListener();
    new ReconnectingSocket(clients, ReconnectingSocket.to(URI.create(server.gameUri() + "?" + query)), Backoff.NONE, listener)
        .connect().get(5, TimeUnit.SECONDS);
    return listener;
  }

  static String switchMessage(RecordingListener l) {
    return l.texts.stream().filter(t -> t.contains("protocol_switch")).reduce((a, b) -> b).orElse("");
  }

  @Test
  void getRollout_showsTheConfigAndItsLayers() throws Exception {
    server = TestServers.start(TestServers.settings().environment(Map.of("PROTOBUF_ENABLED", "true")).build());
    HttpResponse<String> r = call("GET", "/admin/rollout", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"enabled\":true").contains("\"environment\":{\"enabled\":true}");
    HttpResponse<String> patched = call("PATCH", "/admin/rollout", "{\"rollout_percentage\": 12.5}");
    assertThat(patched.body()).contains("\"rollout_percentage\":12.5");
    assertThat(call("PATCH", "/admin/rollout", "{\"rollout_percentage\": 100}").body())
        .contains("\"rollout_percentage\":100,").doesNotContain("E+");
  }

  @Test
  void putRollout_invalid_is400NamingKeyAndValue_andChangesNothing() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    HttpResponse<String> r = call("PUT", "/admin/rollout", "{\"rollout_percentage\": 140}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("rollout_percentage").contains("140");
    assertThat(server.rollout().current().rolloutBasisPoints()).isZero();
    assertThat(server.metrics().scrape()).contains("protoshift_config_changes_total{result=\"rejected\",source=\"admin\"} 1.0");
  }

  @Test
  void killSwitch_switchesProtobufConnectionsToJsonInBand_andReleaseSwitchesThemBack() throws Exception {
    server = TestServers.start(TestServers.settings()
        .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build());
    RecordingListener proto = connect("room=k&proto_version=1.1.0");
    RecordingListener legacy = connect("room=k");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 2);

    HttpResponse<String> on = call("POST", "/admin/kill-switch", null);
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(on.body()).contains("\"enabled\":false").contains("\"admin\":{\"enabled\":false}");
    await().atMost(Duration.ofSeconds(5)).until(() -> !switchMessage(proto).isEmpty());
    assertThat(switchMessage(proto)).contains("\"protocol\":\"json\"").contains("\"version\":\"1.1.0\"")
        .contains("\"reason\":\"kill_switch\"").contains("\"from_tick\":");

    HttpResponse<String> off = call("DELETE", "/admin/kill-switch", null);
    assertThat(off.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> switchMessage(proto).contains("\"protocol\":\"protobuf\""));
    assertThat(switchMessage(proto)).contains("\"reason\":\"in_rollout\"");

    assertThat(legacy.texts).noneSatisfy(t -> assertThat(t).contains("protocol_switch"));
    assertThat(server.metrics().scrape())
        .contains("protoshift_protocol_switches_total{from=\"protobuf\",reason=\"kill_switch\",to=\"json\"} 1.0")
        .contains("protoshift_protocol_switches_total{from=\"json\",reason=\"in_rollout\",to=\"protobuf\"} 1.0");
  }

  @Test
  void fileReload_reDecidesLiveConnections_andAnInvalidFileKeepsTheLastGoodConfig() throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "protobuf:\n  enabled: true\n  rollout_percentage: 100\n");
    server = TestServers.start(TestServers.settings().configFile(config).build());
    RecordingListener proto = connect("room=f&proto_version=1.1.0");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 1);

    Files.writeString(config, "protobuf:\n  enabled: yes-please\n");
    assertThat(call("POST", "/admin/config/reload", null).statusCode()).isEqualTo(200);
    assertThat(server.rollout().current().enabled()).isTrue();
    assertThat(switchMessage(proto)).isEmpty();

    Files.writeString(config, "protobuf:\n  enabled: false\n");
    assertThat(call("POST", "/admin/config/reload", null).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> switchMessage(proto).contains("kill_switch"));
    assertThat(server.sessions().count()).isEqualTo(1);
  }

  @Test
  void configFileTurnedIntoAFifo_isReportedUnhealthy_whileTheAdminKillSwitchStillWorksAtOnce() throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "protobuf:\n  enabled: true\n  rollout_percentage: 100\n");
    Path config = Files.createSymbolicLink(dir.resolve("config.yaml"), good);
    server = TestServers.start(TestServers.settings().configFile(config).build());
    RecordingListener proto = connect("room=fifo&proto_version=1.1.0");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 1);
    assertThat(server.metrics().scrape()).contains("protoshift_config_source_healthy{source=\"file\"} 1.0");

    Path fifo = dir.resolve("config.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path tmp = Files.createSymbolicLink(dir.resolve("config.tmp"), fifo);
    Files.move(tmp, config, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    await().atMost(Duration.ofSeconds(5)).until(() ->
        server.metrics().scrape().contains("protoshift_config_source_healthy{source=\"file\"} 0.0"));
    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(server.adminUri() + "/readyz")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"config_file\":{\"healthy\":false").contains("is not a regular file");
    long start = System.nanoTime();
    assertThat(call("POST", "/admin/config/reload", null).body()).contains("\"healthy\":false");
    assertThat(call("POST", "/admin/kill-switch", null).statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    await().atMost(Duration.ofSeconds(5)).until(() -> switchMessage(proto).contains("kill_switch"));
    call("DELETE", "/admin/kill-switch", null);
    await().atMost(Duration.ofSeconds(5)).until(() -> switchMessage(proto).contains("in_rollout"));

    Files.writeString(good, "protobuf:\n  enabled: false\n");
    Path back = Files.createSymbolicLink(dir.resolve("config.tmp"), good);
    Files.move(back, config, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    await().atMost(Duration.ofSeconds(5)).until(() -> switchMessage(proto).contains("kill_switch"));
    assertThat(server.metrics().scrape()).contains("protoshift_config_source_healthy{source=\"file\"} 1.0");
  }

  @Test
  void cohorts_listsConnectionsByProtocolAndVersion() throws Exception {
    server = TestServers.start(TestServers.settings()
        .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build());
    connect("room=c&proto_version=1.0.0");
    connect("room=c");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 2);
    HttpResponse<String> r = call("GET", "/admin/cohorts", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"connections\":2").contains("\"cohort\":\"json/").contains("\"cohort\":\"protobuf/1.0.0");
  }
}
