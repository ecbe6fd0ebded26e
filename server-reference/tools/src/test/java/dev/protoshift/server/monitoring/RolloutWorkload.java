package dev.protoshift.server.monitoring;

import static org.awaitility.Awaitility.await;

import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.operations.admin.AdminToken;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReconnectingSocket;
import dev.protoshift.tools.client.RecordingListener;
import dev.protoshift.tools.client.ReferenceClient;
import dev.protoshift.versioning.Protocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A short real run of the reference server that makes it export what the dashboard and the rules
 * query: protobuf and JSON clients of both version classes sending inputs, a decode error in each
 * protocol, a decode-error downgrade, the admin kill switch engaged and released (switches both
 * ways), a rejected admin config change, a refused upgrade, a rate-limited flood, closes and a GC.
 * The server runs in-process with the production metrics ({@link
 * dev.protoshift.server.metrics.ServerMetrics#prometheus()}, JVM binders included), and is scraped
 * over HTTP at {@code /metrics} with the admin token, as Prometheus does.
 */
final class RolloutWorkload {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** What one client saw. */
  static final class Seen implements ReferenceClient.Listener {
    final List<Protocol> states = new CopyOnWriteArrayList<>();
    final List<String> controls = new CopyOnWriteArrayList<>();

    @Override
    public void state(ServerMessage.State state, ReferenceClient.Received r) {
      states.add(r.protocol());
    }

    @Override
    public void control(String type, String json) {
      controls.add(json);
    }

    boolean servedLastIn(Protocol p) {
      return !states.isEmpty() && states.get(states.size() - 1) == p;
    }
  }

  private RolloutWorkload() {}

  /** Runs the workload and returns the server's {@code /metrics} text at the end. */
  static String runAndScrape() throws Exception {
    // A watched config file, so the file's own metrics (protoshift_config_source_healthy) are exported too.
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("protoshift-monitoring");
    java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("rollout.yaml"),
        "protobuf:\n  enabled: true\n  rollout_percentage: 100\n");
    dir.toFile().deleteOnExit(); // deleted in reverse order of registration: the file first
    config.toFile().deleteOnExit();
    try (ClientRuntime clients = ClientRuntime.start();
        ReferenceServer server = ReferenceServer.start(TestServers.settings().configFile(config).decodeErrorLimit(2)
            .inboundRatePerSecond(5).inboundBurst(5).inboundCloseAfterDrops(10)
            .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build(),
            AdminToken.of(TestServers.TOKEN, "test"))) {
      ReferenceClient.Options base = ReferenceClient.options(server.gameUri(), "monitoring").backoff(Backoff.NONE);
      Seen proto11 = new Seen();
      Seen proto10 = new Seen();
      Seen downgraded = new Seen();
      Seen legacy = new Seen();
      Seen jsonByChoice = new Seen();
      Seen flooder = new Seen();
      ReferenceClient p11 = ReferenceClient.connect(clients, base.query("1.1.0"), proto11);
      ReferenceClient p10 = ReferenceClient.connect(clients, base.query("1.0.0"), proto10);
      ReferenceClient bad = ReferenceClient.connect(clients, base.subprotocol("1.1.0", true), downgraded);
      ReferenceClient old = ReferenceClient.connect(clients, base.legacy(), legacy);
      ReferenceClient hello = ReferenceClient.connect(clients, base.hello("1.1.0", false, null), jsonByChoice);
      ReferenceClient flood = ReferenceClient.connect(clients, base.legacy(), flooder);
      List<Seen> all = List.of(proto11, proto10, downgraded, legacy, jsonByChoice, flooder);
      await().atMost(WAIT).until(() -> all.stream().allMatch(s -> s.states.size() >= 3));

      for (ReferenceClient c : List.of(p11, p10, bad, old, hello)) {
        c.send(new PlayerInput(1, new PlayerInput.Move(1, 0)));
      }
      p11.sendBinary(new byte[] {(byte) 0xFF, 1, 2, 3}); // one protobuf decode error, below the limit
      old.sendText("this is not json"); // one JSON decode error
      for (int i = 0; i < 3; i++) {
        bad.sendBinary(new byte[] {(byte) 0xFF, 9, 9, 9}); // beyond the limit: downgraded to JSON
      }
      await().atMost(WAIT).until(() -> downgraded.controls.stream().anyMatch(c -> c.contains("decode_errors")));

      admin(server, "POST", "/admin/kill-switch", null);
      await().atMost(WAIT).until(() -> proto11.controls.stream().anyMatch(c -> c.contains("kill_switch"))
          && proto11.servedLastIn(Protocol.JSON));
      admin(server, "DELETE", "/admin/kill-switch", null);
      await().atMost(WAIT).until(() -> proto11.controls.stream().filter(c -> c.contains("protocol_switch")).count() == 2
          && proto11.servedLastIn(Protocol.PROTOBUF));
      int rejected = admin(server, "PUT", "/admin/rollout", "{\"rollout_percentage\": 140}");
      if (rejected != 400) {
        throw new IllegalStateException("an invalid rollout_percentage was not refused: HTTP " + rejected);
      }

      RecordingListener refused = new RecordingListener();
      new ReconnectingSocket(clients, ReconnectingSocket.to(server.gameUri()), Backoff.NONE, refused).connect()
          .handle((s, e) -> null).get(5, TimeUnit.SECONDS); // no room: refused with 400
      for (int i = 0; i < 40 && flood.isOpen(); i++) {
        flood.sendText("{\"type\":\"noise\"}");
      }
      p10.close();
      System.gc();
      await().atMost(WAIT).until(() -> {
        String text = scrape(server);
        return text.contains("protoshift_ws_inbound_dropped_total") && text.contains("jvm_gc_pause_seconds_count")
            && text.contains("protoshift_ws_upgrades_rejected_total") && text.contains("code=\"1000\"")
            // sampled gauges (every --readiness-sample-interval): there once a sample has seen the clients
            && text.contains("protoshift_ws_connections_by_reason{") && text.contains("protoshift_ws_connections_by_client_version{");
      });
      String text = scrape(server);
      for (ReferenceClient c : List.of(p11, bad, old, hello, flood)) {
        c.close();
      }
      return text;
    }
  }

  static int admin(ReferenceServer server, String method, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUri() + path))
        .header("Authorization", "Bearer " + TestServers.TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static String scrape(ReferenceServer server) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUri() + "/metrics"))
        .header("Authorization", "Bearer " + TestServers.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET /metrics answered " + r.statusCode());
    }
    return r.body();
  }
}
