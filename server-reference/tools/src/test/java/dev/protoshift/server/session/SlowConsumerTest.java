package dev.protoshift.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReferenceClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A client that stops reading: its updates are dropped (latest wins), it is closed, its room never stalls. */
class SlowConsumerTest {

  @Test
  void clientThatStopsReading_dropsStaleUpdates_isClosedTooSlow_andTheRoomGoesOn() throws Exception {
    try (ClientRuntime clients = ClientRuntime.start();
        ReferenceServer server = TestServers.start(TestServers.settings()
            .rooms(TestServers.settings().build().rooms().withTickRate(100).withWanderers(200))
            .slowConsumerTimeout(Duration.ofMillis(500)).build());
        Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = stalled.getOutputStream();
      out.write(("GET /ws?room=slow&name=stalled&player=stalled HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = stalled.getInputStream();
      byte[] head = new byte[12];
      assertThat(in.readNBytes(head, 0, 12)).isEqualTo(12);
      assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
      // ... and from now on, read nothing.

      List<Long> ticks = new CopyOnWriteArrayList<>();
      ReferenceClient healthy = ReferenceClient.connect(clients,
          ReferenceClient.options(server.gameUri(), "slow").backoff(Backoff.NONE), new ReferenceClient.Listener() {
            @Override
            public void state(ServerMessage.State state, ReferenceClient.Received r) {
              ticks.add(state.tick());
            }
          });

      await().atMost(Duration.ofSeconds(5)).until(() -> stalledConnection(server).isPresent());
      dev.protoshift.session.Session slow = stalledConnection(server).orElseThrow();
      await().atMost(Duration.ofSeconds(20)).until(() -> !slow.isOpen());
      assertThat(slow.stats().statesDropped()).as("stale updates dropped while it lagged").isPositive();
      assertThat(server.metrics().scrape()).contains("protoshift_updates_dropped_total");
      // Released promptly (the close handshake it cannot answer is aborted), counted as the 4004 it was sent.
      await().atMost(Duration.ofSeconds(5)).until(() -> stalledConnection(server).isEmpty());
      assertThat(server.metrics().scrape()).contains("protoshift_ws_connections_closed_total{code=\"4004\"} 1.0");
      int seen = ticks.size();
      await().atMost(Duration.ofSeconds(5)).until(() -> ticks.size() > seen + 20);
      // The room went on: the healthy client kept getting new ticks (it may itself skip some on a
      // busy machine: latest state wins for it too), never a repeat.
      assertThat(healthy.stats().repeats()).isZero();
      healthy.close();
    }
  }

  static java.util.Optional<dev.protoshift.session.Session> stalledConnection(ReferenceServer server) {
    return server.sessions().sessions().stream().filter(c -> "stalled".equals(c.ids().player())).findFirst();
  }
}
