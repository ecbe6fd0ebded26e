package dev.protoshift.tools.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.session.CloseCode;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReconnectingSocketTest {

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

  static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 0);

  @Test
  void hint_isReadFromA1012Reason() {
    assertThat(ReconnectingSocket.hint(1012, "restart; reconnect_after_ms=750")).contains(Duration.ofMillis(750));
    assertThat(ReconnectingSocket.hint(1012, "restart")).isEmpty();
    assertThat(ReconnectingSocket.hint(1001, "reconnect_after_ms=750")).isEmpty();
    assertThat(ReconnectingSocket.hint(1012, null)).isEmpty();
  }

  @Test
  void serverClosesARetryableCode_clientReconnects() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    RecordingListener listener = new RecordingListener();
    ReconnectingSocket socket = new ReconnectingSocket(clients,
        ReconnectingSocket.to(URI.create(server.gameUri() + "?room=r")), FAST, listener);
    socket.connect().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 1);

    server.sessions().sessions().forEach(c -> c.close(CloseCode.TOO_SLOW, "test"));

    await().atMost(Duration.ofSeconds(5)).until(() -> listener.opens.size() == 2);
    assertThat(listener.closes.get(0)).isEqualTo(new RecordingListener.Close(4004, "test", true));
    assertThat(listener.opens).containsExactly(0, 1);
    assertThat(socket.reconnects()).isEqualTo(1);
    socket.close();
  }

  @Test
  void serverClosesAFinalCode_clientStaysClosed() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    RecordingListener listener = new RecordingListener();
    ReconnectingSocket socket = new ReconnectingSocket(clients,
        ReconnectingSocket.to(URI.create(server.gameUri() + "?room=r")), FAST, listener);
    socket.connect().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 1);

    server.sessions().sessions().forEach(c -> c.close(CloseCode.VERSION_UNSUPPORTED, "supported 1.0.0..1.2.0"));

    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.closes.isEmpty());
    assertThat(listener.closes.get(0).reconnecting()).isFalse();
    Thread.sleep(200); // a reconnect would have happened by now (backoff ≤ 50 ms)
    assertThat(listener.opens).containsExactly(0);
  }

  @Test
  void drain_clientReconnectsToTheNextServerAfterTheHint() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    int port = server.port();
    RecordingListener listener = new RecordingListener();
    ReconnectingSocket socket = new ReconnectingSocket(clients,
        ReconnectingSocket.to(URI.create("ws://127.0.0.1:" + port + "/ws?room=r")), FAST, listener);
    socket.connect().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 1);

    server.drain();
    server.close();
    // The replacement comes up on the same port (a rolling restart behind one address).
    server = TestServers.start(TestServers.settings().port(port).build());

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.opens.size() == 2);
    assertThat(listener.closes.get(0).code()).isEqualTo(1012);
    assertThat(listener.closes.get(0).reconnecting()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 1);
    dev.protoshift.session.Session c = server.sessions().sessions().iterator().next();
    assertThat(c.ids().room()).isEqualTo("r");
    socket.close();
  }

  @Test
  void close_byTheClient_doesNotReconnect() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    RecordingListener listener = new RecordingListener();
    ReconnectingSocket socket = new ReconnectingSocket(clients,
        ReconnectingSocket.to(URI.create(server.gameUri() + "?room=r")), FAST, listener);
    socket.connect().get(5, TimeUnit.SECONDS);
    socket.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.closes.isEmpty());
    assertThat(listener.closes.get(0).reconnecting()).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.sessions().count() == 0);
  }
}
