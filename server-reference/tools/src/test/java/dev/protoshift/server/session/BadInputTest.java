package dev.protoshift.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReferenceClient;
import dev.protoshift.versioning.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed, unknown and corrupted frames: clear errors, counted, the decode-error downgrade; nothing crashes. */
class BadInputTest {

  ClientRuntime clients;
  ReferenceServer server;

  @BeforeEach
  void start() {
    clients = ClientRuntime.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    clients.close();
  }

  static final class Events implements ReferenceClient.Listener {
    final List<ServerMessage.Error> errors = new CopyOnWriteArrayList<>();
    final List<String> controls = new CopyOnWriteArrayList<>();
    final List<Protocol> protocols = new CopyOnWriteArrayList<>();
    final List<Integer> closes = new CopyOnWriteArrayList<>();

    @Override
    public void state(ServerMessage.State state, ReferenceClient.Received r) {
      protocols.add(r.protocol());
    }

    @Override
    public void error(ServerMessage.Error error) {
      errors.add(error);
    }

    @Override
    public void control(String type, String json) {
      controls.add(json);
    }

    @Override
    public void closed(int code, String reason, boolean reconnecting) {
      closes.add(code);
    }
  }

  ReferenceClient connect(String room, ReferenceClient.Options o, Events events) throws Exception {
    ReferenceClient c = ReferenceClient.connect(clients, o, events);
    c.opened().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> events.protocols.size() >= 2);
    return c;
  }

  @Test
  void malformedAndUnknownTextFrames_areAnsweredWithErrors_andTheConnectionLives() throws Exception {
    server = TestServers.start(TestServers.settings().build());
    Events e = new Events();
    ReferenceClient c = connect("b1", ReferenceClient.options(server.gameUri(), "b1").backoff(Backoff.NONE), e);
    c.sendText("this is not json");
    c.sendText("{\"type\":\"teleport\",\"client_seq\":1}");
    c.sendText("{\"type\":\"move\",\"client_seq\":2,\"dx\":\"fast\",\"dy\":0}");
    await().atMost(Duration.ofSeconds(5)).until(() -> e.errors.size() == 3);
    assertThat(e.errors).extracting(ServerMessage.Error::code).containsExactly("bad_frame", "unexpected_message", "invalid_field");
    assertThat(e.errors.get(2).message()).contains("dx");
    int before = e.protocols.size();
    await().atMost(Duration.ofSeconds(5)).until(() -> e.protocols.size() > before + 2);
    assertThat(c.isOpen()).isTrue();
    assertThat(server.metrics().scrape()).contains("protoshift_decode_errors_total{protocol=\"json\"");
    c.close();
  }

  @Test
  void garbageBinaryFrames_beyondTheLimit_downgradeTheConnectionToJson() throws Exception {
    server = TestServers.start(TestServers.settings().decodeErrorLimit(3)
        .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build());
    Events e = new Events();
    ReferenceClient c = connect("b2", ReferenceClient.options(server.gameUri(), "b2").backoff(Backoff.NONE).query("1.1.0"), e);
    Events bystander = new Events();
    ReferenceClient other = connect("b2", ReferenceClient.options(server.gameUri(), "b2").backoff(Backoff.NONE).query("1.1.0"), bystander);
    for (int i = 0; i < 4; i++) {
      c.sendBinary(new byte[] {(byte) 0xFF, 1, 2, 3});
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> e.controls.stream().anyMatch(s -> s.contains("decode_errors")));
    assertThat(e.errors).hasSize(4).allSatisfy(err -> assertThat(err.code()).isEqualTo("bad_frame"));
    int at = e.protocols.size();
    await().atMost(Duration.ofSeconds(5)).until(() -> e.protocols.size() > at + 3);
    assertThat(e.protocols.get(e.protocols.size() - 1)).isEqualTo(Protocol.JSON);
    assertThat(bystander.protocols.get(bystander.protocols.size() - 1)).isEqualTo(Protocol.PROTOBUF);
    assertThat(c.stats().gaps()).isZero();
    assertThat(server.metrics().scrape())
        .contains("protoshift_protocol_switches_total{from=\"protobuf\",reason=\"decode_errors\",to=\"json\"} 1.0");
    c.close();
    other.close();
  }

  @Test
  void faultInjection_corruptsInboundFrames_andTheConnectionDowngrades() throws Exception {
    server = TestServers.start(TestServers.settings().decodeErrorLimit(2).injectProtoErrors(1)
        .environment(Map.of("PROTOBUF_ENABLED", "true", "PROTOBUF_ROLLOUT_PERCENTAGE", "100")).build());
    Events e = new Events();
    ReferenceClient c = connect("b3", ReferenceClient.options(server.gameUri(), "b3").backoff(Backoff.NONE).query("1.1.0"), e);
    for (int i = 0; i < 3; i++) {
      c.send(new dev.protoshift.reference.game.PlayerInput(i, new dev.protoshift.reference.game.PlayerInput.Move(1, 0)));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> e.controls.stream().anyMatch(s -> s.contains("decode_errors")));
    assertThat(server.metrics().scrape()).contains("protoshift_faults_injected_total 3.0");
    c.close();
  }
}
