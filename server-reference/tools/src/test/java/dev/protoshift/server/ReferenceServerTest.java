package dev.protoshift.server;

import dev.protoshift.session.CloseCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReconnectingSocket;
import dev.protoshift.tools.client.RecordingListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transport-level behaviour of the server, end to end on loopback. */
class ReferenceServerTest {

  static ClientRuntime clients;
  ReferenceServer server;

  @BeforeAll
  static void startClients() {
    clients = ClientRuntime.start();
  }

  @AfterAll
  static void stopClients() {
    clients.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  ReconnectingSocket socket(URI uri, RecordingListener listener) {
    return new ReconnectingSocket(clients, ReconnectingSocket.to(uri), Backoff.NONE, listener);
  }

  static int upgradeStatus(ReconnectingSocket socket) {
    try {
      socket.connect().get(5, TimeUnit.SECONDS);
      return 101;
    } catch (ExecutionException e) {
      return e.getCause() instanceof UpgradeException u ? u.getResponseStatusCode() : -1;
    } catch (Exception e) {
      return -2;
    }
  }

  @Test
  void upgrade_withoutRoom_is400_andWithABadRoom_too() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    assertThat(upgradeStatus(socket(server.gameUri(), new RecordingListener()))).isEqualTo(400);
    assertThat(upgradeStatus(socket(URI.create(server.gameUri() + "?room=a%20b"), new RecordingListener()))).isEqualTo(400);
    assertThat(upgradeStatus(socket(URI.create(server.gameUri() + "?room=a&room=b"), new RecordingListener()))).isEqualTo(400);
  }

  @Test
  void upgrade_fromAForeignOrigin_is403_andFromAnAllowedOne_opens() throws Exception {
    server = TestServers.start(TestServers.settings().allowedOrigins(List.of("https://game.example.com")).build());
    URI uri = URI.create(server.gameUri() + "?room=r");
    ReconnectingSocket foreign = new ReconnectingSocket(clients, () -> {
      ClientUpgradeRequest r = new ClientUpgradeRequest(uri);
      r.setHeader("Origin", "https://evil.example.com");
      return r;
    }, Backoff.NONE, new RecordingListener());
    assertThat(upgradeStatus(foreign)).isEqualTo(403);

    ReconnectingSocket allowed = new ReconnectingSocket(clients, () -> {
      ClientUpgradeRequest r = new ClientUpgradeRequest(uri);
      r.setHeader("Origin", "https://game.example.com");
      return r;
    }, Backoff.NONE, new RecordingListener());
    assertThat(upgradeStatus(allowed)).isEqualTo(101);
    allowed.close();
  }

  @Test
  void upgrade_beyondMaxConnections_is503() throws Exception {
    server = TestServers.start(TestServers.settings().maxConnections(1).build());
    URI uri = URI.create(server.gameUri() + "?room=r");
    ReconnectingSocket first = socket(uri, new RecordingListener());
    assertThat(upgradeStatus(first)).isEqualTo(101);
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 1);
    assertThat(upgradeStatus(socket(uri, new RecordingListener()))).isEqualTo(503);
    first.close();
  }

  @Test
  void plainHttpOnWs_is426() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ws?room=r")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(426);
    assertThat(r.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void oversizeFrame_closesWith1009() throws Exception {
    server = TestServers.start(TestServers.settings().maxFrameBytes(1024).build());
    RecordingListener listener = new RecordingListener();
    ReconnectingSocket s = socket(URI.create(server.gameUri() + "?room=r"), listener);
    s.connect().get(5, TimeUnit.SECONDS);
    s.sendBinary(ByteBuffer.wrap(new byte[4096]));
    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.closes.isEmpty());
    assertThat(listener.closes.get(0).code()).isEqualTo(CloseCode.MESSAGE_TOO_BIG.code());
  }

  @Test
  void flood_beyondTheRateLimit_closesWith4003() throws Exception {
    server = TestServers.start(TestServers.settings()
        .inboundRatePerSecond(5).inboundBurst(5).inboundCloseAfterDrops(20).build());
    RecordingListener listener = new RecordingListener();
    ReconnectingSocket s = socket(URI.create(server.gameUri() + "?room=r"), listener);
    s.connect().get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 100 && s.isOpen(); i++) {
      s.sendText("{\"type\":\"noise\"}");
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.closes.isEmpty());
    assertThat(listener.closes.get(0).code()).isEqualTo(CloseCode.RATE_LIMITED.code());
    assertThat(server.metrics().scrape()).contains("protoshift_ws_inbound_dropped_total{reason=\"rate_limited\"}");
  }

  @Test
  void drain_closesEveryConnectionWith1012AndAHint_refusesNewOnes_andIsNoLongerReady() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    URI uri = URI.create(server.gameUri() + "?room=r");
    List<RecordingListener> listeners = List.of(new RecordingListener(), new RecordingListener(), new RecordingListener());
    for (RecordingListener l : listeners) {
      socket(uri, l).connect().get(5, TimeUnit.SECONDS);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 3);

    assertThat(server.drain()).isTrue();

    assertThat(server.ready()).isFalse();
    for (RecordingListener l : listeners) {
      await().atMost(Duration.ofSeconds(5)).until(() -> !l.closes.isEmpty());
      assertThat(l.closes.get(0).code()).isEqualTo(1012);
      assertThat(l.closes.get(0).reason()).matches("restart; reconnect_after_ms=\\d+");
    }
    assertThat(upgradeStatus(socket(uri, new RecordingListener()))).isLessThan(0).isNotEqualTo(101);
    HttpResponse<String> readyz = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.adminUri() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(readyz.statusCode()).isEqualTo(503);
  }
}
