package dev.protoshift.tools.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protoshift.server.game.RoomSettings;
import dev.protoshift.session.SessionLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Netty server answers over plain HTTP, before a WebSocket exists: an error naming the problem. */
class NettyHandshakeTest {

  @TempDir
  Path dir;
  NettyReferenceServer server;

  @BeforeEach
  void start() throws Exception {
    Path config = dir.resolve("rollout.yaml");
    Files.writeString(config, TransportScenario.ENABLED);
    server = NettyReferenceServer.start(config, SessionLimits.DEFAULTS, RoomSettings.DEFAULTS);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void plainGetOnWs_isAnswered426() throws IOException {
    assertThat(request("GET /ws?room=r HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 426").contains("/ws is a WebSocket endpoint");
  }

  @Test
  void otherPath_isAnswered404NamingTheEndpoint() throws IOException {
    assertThat(request("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 404").contains("nothing at /index.html; the game endpoint is /ws?room=ROOM");
  }

  @Test
  void upgradeWithABadRoom_isAnswered400NamingTheRoom() throws IOException {
    assertThat(request(upgrade("/ws?room=no%20spaces")))
        .startsWith("HTTP/1.1 400").contains("room must be 1-64 characters").contains("\"no spaces\"");
  }

  @Test
  void upgradeWithoutARoom_isAnswered400() throws IOException {
    assertThat(request(upgrade("/ws"))).startsWith("HTTP/1.1 400").contains("missing room");
  }

  @Test
  void upgradeWithABadPlayerId_isAnswered400() throws IOException {
    assertThat(request(upgrade("/ws?room=r&player=%3Cscript%3E"))).startsWith("HTTP/1.1 400").contains("player must be");
  }

  @Test
  void upgradeWithTheRoomTwice_isAnswered400() throws IOException {
    assertThat(request(upgrade("/ws?room=a&room=b"))).startsWith("HTTP/1.1 400").contains("given 2 times");
  }

  @Test
  void upgradeOfAnUnknownWebSocketVersion_isAnswered426WithTheVersionNettySpeaks() throws IOException {
    String response = request(upgrade("/ws?room=r").replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 99"));
    assertThat(response).startsWith("HTTP/1.1 426").contains("sec-websocket-version: 13");
    assertThat(server.sessions().count()).isZero();
  }

  @Test
  void upgradeWithoutAKey_isAnswered400() throws IOException {
    assertThat(request(upgrade("/ws?room=r").replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "")))
        .startsWith("HTTP/1.1 400").contains("missing key");
    assertThat(server.sessions().count()).isZero();
  }

  @Test
  void validUpgrade_isAnswered101_andOpensASession() throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(upgrade("/ws?room=r&proto_version=1.1.0").getBytes(StandardCharsets.US_ASCII));
      String head = readHead(socket.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("sec-websocket-accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
      org.awaitility.Awaitility.await().until(() -> server.sessions().count() == 1);
    }
  }

  private static String upgrade(String target) {
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
  }

  private Socket connect() throws IOException {
    URI uri = server.gameUri();
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(5_000);
    return socket;
  }

  /** Sends a request and reads the whole response (the server closes after an error). */
  private String request(String text) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }
}
