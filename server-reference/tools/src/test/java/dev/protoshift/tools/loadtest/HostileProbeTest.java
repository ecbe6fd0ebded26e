package dev.protoshift.tools.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The hostile probe of issue 12, as regression tests against a server process as deployed, from
 * the outside only (raw sockets, the JDK's WebSocket client, the admin HTTP API): nothing here
 * depends on the server's classes, so the same tests run against an older build with {@code
 * -Dprotoshift.server.jar=OLD.jar} (how each was seen failing before its fix).
 */
class HostileProbeTest {

  private static final Map<String, String> ENV = Map.of("PROTOSHIFT_ADMIN_TOKEN", Chaos.TOKEN, "PROTOBUF_ENABLED",
      "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100");
  private static final String HELLO = "{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server = ServerProcess.start("probe", ENV, "--tick-rate", "50", "--wanderers", "2", "--max-rooms", "5",
        "--slow-consumer-timeout", "500ms");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String metrics() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(server.adminUri().resolve("/metrics"))
        .header("Authorization", "Bearer " + Chaos.TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The sum of every series of a metric (0 if it has none yet). */
  static double sum(String scrape, String metric) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(scrape);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(2));
    }
    return total;
  }

  static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** A JDK WebSocket client: what it was closed with. */
  static class Client implements WebSocket.Listener {
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      texts.add(data.toString());
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.completeExceptionally(error);
    }
  }

  static WebSocket connect(String query, Client listener) throws Exception {
    return HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.gamePort() + "/ws?" + query),
        listener).get(5, TimeUnit.SECONDS);
  }

  @Test
  void item2_helloThenDisconnectBeforeTheTick_leavesNoConnectionInTheGauge() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(), "/ws?room=race" + (i % 3), "", 0)) {
        ws.write(RawWebSocket.textFrame(HELLO)); // and gone before the room's next tick
      }
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> sum(metrics(), "protoshift_ws_connections") == 0);
  }

  @Test
  void item2_twoHellosInOneWrite_getTwoAcks_notA4001() throws Exception {
    try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(), "/ws?room=twice", "", 0)) {
      byte[] one = RawWebSocket.textFrame(HELLO);
      byte[] both = new byte[one.length * 2];
      System.arraycopy(one, 0, both, 0, one.length);
      System.arraycopy(one, 0, both, one.length, one.length);
      ws.write(both);

      RawWebSocket.Frame first = ws.readTextOrClose();
      RawWebSocket.Frame second = ws.readTextOrClose();

      assertThat(first.opcode()).isEqualTo(1);
      assertThat(first.text()).contains("\"type\":\"hello_ack\"");
      assertThat(second.opcode()).as("the second hello: " + second.text()).isEqualTo(1);
      assertThat(second.text()).isEqualTo(first.text());
    }
  }

  @Test
  void item3_serverInitiatedCloses_areCountedWithTheCodeTheServerSent_evenIfTheClientNeverAnswersTheClose()
      throws Exception {
    double before = value(metrics(), "protoshift_ws_connections_closed_total{code=\"4002\"}");
    try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(), "/ws?room=old&proto_version=9.0.0", "", 0)) {
      assertThat(ws.readTextOrClose().text()).contains("hello_reject");
      assertThat(ws.readTextOrClose().closeCode()).isEqualTo(4002);
    } // gone without answering the close: the transport sees a dropped connection (1006)

    await().atMost(Duration.ofSeconds(10)).until(() ->
        value(metrics(), "protoshift_ws_connections_closed_total{code=\"4002\"}") > before);
  }

  @Test
  void item4_aSlowConsumerIsClosedWith4004_andReleasedPromptly() throws Exception {
    // Large states (200 ghosts) at 100 Hz fill a stalled socket's buffers in seconds.
    try (ServerProcess busy = ServerProcess.start("slow", ENV, "--tick-rate", "100", "--wanderers", "200",
        "--slow-consumer-timeout", "500ms");
        RawWebSocket stalled = RawWebSocket.upgrade(busy.gamePort(), "/ws?room=slow&proto_version=1.1.0", "", 2048)) {
      assertThat(stalled.status).isEqualTo(101);
      // ... and never read again.
      java.util.concurrent.Callable<String> scrape = () -> HTTP.send(HttpRequest.newBuilder(busy.adminUri()
          .resolve("/metrics")).header("Authorization", "Bearer " + Chaos.TOKEN).build(),
          HttpResponse.BodyHandlers.ofString()).body();

      await().atMost(Duration.ofSeconds(20)).until(() ->
          value(scrape.call(), "protoshift_ws_connections_closed_total{code=\"4004\"}") == 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> sum(scrape.call(), "protoshift_ws_connections") == 0);
    }
  }

  @Test
  void item5_roomsLeftEmpty_doNotBlockNewRooms() throws Exception {
    for (int i = 0; i < 5; i++) { // --max-rooms 5
      try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(), "/ws?room=squat" + i, "", 0)) {
        assertThat(ws.status).isEqualTo(101);
      }
    }
    Thread.sleep(500);
    Client c = new Client();
    WebSocket ws = connect("room=real&proto_version=1.1.0", c);

    Thread.sleep(500);
    assertThat(c.closed).as("not refused with 1013 while the squatted rooms linger").isNotDone();
    ws.abort();
  }

  @Test
  void item6_aHelloAfterTheWindow_closesWith4001() throws Exception {
    try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(), "/ws?room=late", "", 0)) {
      Thread.sleep(5_500); // the hello window is 5 s
      ws.write(RawWebSocket.textFrame(HELLO));

      RawWebSocket.Frame f = ws.readTextOrClose();
      while (f.opcode() == 1 && !f.text().contains("hello")) {
        f = ws.readTextOrClose(); // the legacy JSON states it got meanwhile
      }
      assertThat(f.opcode()).as("a frame after the late hello: " + f.text()).isEqualTo(8);
      assertThat(f.closeCode()).isEqualTo(4001);
    }
  }

  @Test
  void item7_aRefusedSubprotocolHandshake_selectsTheOffer_soABrowserCanReadTheReject() throws Exception {
    try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(), "/ws?room=sub",
        "Sec-WebSocket-Protocol: protoshift.protobuf.v9.0\r\n", 0)) {
      assertThat(ws.status).isEqualTo(101);
      assertThat(ws.headers).containsEntry("sec-websocket-protocol", "protoshift.protobuf.v9.0");
      RawWebSocket.Frame reject = ws.readTextOrClose();
      assertThat(reject.text()).contains("\"type\":\"hello_reject\"");
      assertThat(ws.readTextOrClose().closeCode()).isEqualTo(4002);
    }
  }

  @Test
  void item10_permessageDeflate_isNotNegotiatedByDefault() throws Exception {
    try (RawWebSocket ws = RawWebSocket.upgrade(server.gamePort(), "/ws?room=zip",
        "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n", 0)) {
      assertThat(ws.status).isEqualTo(101);
      assertThat(ws.headers).doesNotContainKey("sec-websocket-extensions");
    }
  }

  @Test
  void item11_anUpgradeWhoseHeadersTrickleIn_isCutOff() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.gamePort())) {
      s.setSoTimeout(500);
      var out = s.getOutputStream();
      out.write("GET /ws?room=t HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      boolean closed = false;
      while (!closed && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(16)) {
        try {
          out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII)); // one line every 1.5 s: never idle
          out.flush();
          closed = s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
          Thread.sleep(1_000);
        } catch (IOException e) {
          closed = true; // reset by the server
        }
      }
      assertThat(closed).as("closed within the 10 s request header timeout").isTrue();
    }
  }

  @Test
  void item11_aWebSocketClientThatOnlyListens_outlivesTheRequestHeaderTimeout() throws Exception {
    // The header timeout is for HTTP requests; once upgraded, a spectator that never sends a
    // frame stays (found by the soak: such clients were cut off with 1006 after the timeout).
    try (ServerProcess quick = ServerProcess.start("listener", ENV, "--tick-rate", "20", "--wanderers", "1",
        "--request-header-timeout", "1s")) {
      Client listener = new Client();
      AtomicInteger states = new AtomicInteger();
      WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + quick.gamePort()
          + "/ws?room=spectator&proto_version=1.1.0"), new Client() {
            @Override
            public CompletionStage<?> onBinary(WebSocket w, java.nio.ByteBuffer data, boolean last) {
              states.incrementAndGet();
              return super.onBinary(w, data, last);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
              return listener.onClose(w, statusCode, reason);
            }
          }).get(5, TimeUnit.SECONDS);
      Thread.sleep(3_000);
      assertThat(listener.closed).as("a listening client, 3 s after a 1 s header timeout").isNotDone();
      int before = states.get();
      await().atMost(Duration.ofSeconds(2)).until(() -> states.get() > before);
      ws.abort();
    }
  }

  @Test
  void item12_withoutAToken_everyAdminPathAnswers401_beforeReadingTheBody() throws Exception {
    assertThat(HTTP.send(HttpRequest.newBuilder(server.adminUri().resolve("/admin/no-such-route")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).as("no route discovery").isEqualTo(401);
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.adminUri().getPort())) {
      s.getOutputStream().write(("PUT /admin/rollout HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 401");
    }
  }

  @Test
  void item12_twoAuthorizationHeaders_areRefused() throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.adminUri().getPort())) {
      s.getOutputStream().write(("GET /metrics HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Chaos.TOKEN
          + "\r\nAuthorization: Bearer someone-elses-token-123\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 400");
    }
  }

  @Test
  void item12_aMissingTokenFile_isNamedAsMissing() throws Exception {
    try (ServerProcess p = ServerProcess.startExpectingExit("no-token", Map.of(), "--admin-token-file",
        "/nonexistent/protoshift.token")) {
      assertThat(p.waitFor(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(p.output()).contains("/nonexistent/protoshift.token").contains("no such file");
    }
  }

  // Repeated: SIGTERM the moment the banner's token line appears. A server that printed its banner
  // before installing its shutdown hook exited 143 in about one start of six (seen in CI).
  @RepeatedTest(5)
  void item12_aGeneratedTokenFile_isDeletedWhenTheServerStops() throws Exception {
    Path tmp = Files.createTempDirectory("protoshift-token");
    try (ServerProcess p = ServerProcess.start("gen-token", Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp))) {
      Matcher m = p.awaitOutput(Pattern.compile("generated, in file (\\S+)"), Duration.ofSeconds(20));
      Path file = Path.of(m.group(1));
      assertThat(file).exists();

      p.terminate();
      assertThat(p.waitFor(Duration.ofSeconds(20))).isZero();
      assertThat(file).doesNotExist();
    }
  }
}
