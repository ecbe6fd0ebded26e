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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three handshakes end to end: what a client sends at connect, what it gets back. */
class HandshakeTest {

  static ClientRuntime clients;
  static ReferenceServer server;

  @BeforeAll
  static void start() throws Exception {
    clients = ClientRuntime.start();
    server = TestServers.start(TestServers.settings()
        .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build());
  }

  @AfterAll
  static void stop() {
    server.close();
    clients.close();
  }

  record Connected(ReconnectingSocket socket, RecordingListener listener, Session session) {}

  static Connected connect(String query, String... subprotocols) throws Exception {
    RecordingListener listener = new RecordingListener();
    URI uri = URI.create(server.gameUri() + "?" + query);
    ReconnectingSocket socket = new ReconnectingSocket(clients, () -> {
      ClientUpgradeRequest r = new ClientUpgradeRequest(uri);
      if (subprotocols.length > 0) {
        r.setSubProtocols(subprotocols);
      }
      return r;
    }, Backoff.NONE, listener);
    Session session = socket.connect().get(5, TimeUnit.SECONDS);
    return new Connected(socket, listener, session);
  }

  static dev.protoshift.session.Session serverSide(String roomId) {
    return TestServers.session(server, roomId);
  }

  @Test
  void queryParameter_agreesOnTheVersionAndDecidesByRollout() throws Exception {
    Connected c = connect("room=q1&proto_version=1.1.0");
    dev.protoshift.session.Session conn = serverSide("q1");
    assertThat(conn.protocol().code()).isEqualTo("protobuf");
    assertThat(conn.reason()).isEqualTo("in_rollout");
    assertThat(conn.cohort().view().versionClass().label()).isEqualTo("1.1.0");
    c.socket().close();
  }

  @Test
  void noVersion_isALegacyJsonConnection() throws Exception {
    Connected c = connect("room=q2");
    dev.protoshift.session.Session conn = serverSide("q2");
    assertThat(conn.protocol().code()).isEqualTo("json");
    assertThat(conn.reason()).isEqualTo("no_client_support");
    assertThat(conn.cohort().view().versionClass().label()).as("a legacy client gets the 1.0.0 view").isEqualTo("1.0.0");
    c.socket().close();
  }

  @Test
  void subprotocol_isSelectedInTheUpgradeResponse() throws Exception {
    Connected c = connect("room=s1", "chat.v2", "protoshift.protobuf.v1.1", "protoshift.json.v1.1");
    assertThat(c.session().getUpgradeResponse().getAcceptedSubProtocol()).isEqualTo("protoshift.protobuf.v1.1");
    assertThat(serverSide("s1").protocol().code()).isEqualTo("protobuf");
    c.socket().close();
  }

  @Test
  void subprotocol_jsonOnly_selectsJson() throws Exception {
    Connected c = connect("room=s2", "protoshift.json.v1.1");
    assertThat(c.session().getUpgradeResponse().getAcceptedSubProtocol()).isEqualTo("protoshift.json.v1.1");
    assertThat(serverSide("s2").protocol().code()).isEqualTo("json");
    c.socket().close();
  }

  @Test
  void hello_getsAHelloAckAndSwitchesTheConnection() throws Exception {
    Connected c = connect("room=h1");
    c.socket().sendText("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\",\"features\":[\"dag\",\"story\",\"teleport\"]}");
    await().atMost(Duration.ofSeconds(5)).until(() -> c.listener().texts.stream().anyMatch(t -> t.contains("hello_ack")));
    String ack = c.listener().texts.stream().filter(t -> t.contains("hello_ack")).findFirst().orElseThrow();
    assertThat(ack).contains("\"protocol\":\"protobuf\"").contains("\"version\":\"1.1.0\"")
        .contains("\"features\":[\"dag\",\"story\"]").contains("\"reason\":\"in_rollout\"");
    await().atMost(Duration.ofSeconds(5)).until(() -> serverSide("h1").protocol().code().equals("protobuf"));
    c.socket().close();
  }

  @Test
  void hello_repeatedOnANegotiatedConnection_getsTheSameAck() throws Exception {
    Connected c = connect("room=h2&proto_version=1.0.0");
    c.socket().sendText("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> c.listener().texts.stream().anyMatch(t -> t.contains("hello_ack")));
    assertThat(c.listener().texts).anySatisfy(t -> assertThat(t).contains("\"version\":\"1.0.0\""));
    c.socket().close();
  }

  @Test
  void hello_notTheFirstFrame_closesWith4001() throws Exception {
    Connected c = connect("room=h3");
    c.socket().sendText("{\"type\":\"move\",\"client_seq\":1,\"dx\":1,\"dy\":0}");
    c.socket().sendText("{\"type\":\"hello\",\"protocol\":\"protobuf\",\"version\":\"1.1.0\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.listener().closes.isEmpty());
    assertThat(c.listener().closes.get(0).code()).isEqualTo(4001);
  }

  @Test
  void unsupportedMajor_getsAHelloRejectNamingTheRange_andCloses4002() throws Exception {
    Connected c = connect("room=r1&proto_version=2.0.0");
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.listener().closes.isEmpty());
    assertThat(c.listener().texts).singleElement().satisfies(t -> assertThat(t)
        .contains("\"type\":\"hello_reject\"").contains("\"reason\":\"unsupported_major\"")
        .contains("\"oldest\":\"1.0.0\"").contains("\"current\":\"1.2.0\""));
    assertThat(c.listener().closes.get(0).code()).isEqualTo(4002);
    assertThat(c.listener().closes.get(0).reconnecting()).isFalse();
  }

  @Test
  void malformedVersion_closes4000NamingTheInput() throws Exception {
    Connected c = connect("room=r2&proto_version=banana");
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.listener().closes.isEmpty());
    assertThat(c.listener().closes.get(0).code()).isEqualTo(4000);
    assertThat(c.listener().closes.get(0).reason()).contains("malformed_version").contains("banana");
  }

  @Test
  void malformedHello_closes4000() throws Exception {
    Connected c = connect("room=r3");
    c.socket().sendText("{\"type\":\"hello\",\"protocol\":42}");
    await().atMost(Duration.ofSeconds(5)).until(() -> !c.listener().closes.isEmpty());
    assertThat(c.listener().closes.get(0).code()).isEqualTo(4000);
    assertThat(c.listener().texts).anySatisfy(t -> assertThat(t).contains("malformed_hello"));
  }

  @Test
  void everyDecision_isCountedByReason() throws Exception {
    Connected c = connect("room=m1&proto_version=1.2.0");
    serverSide("m1");
    c.socket().close();
    assertThat(server.metrics().scrape()).containsPattern(
        "protoshift_rollout_decisions_total\\{protocol=\"protobuf\",reason=\"in_rollout\"}");
  }
}
