package dev.protoshift.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.reference.game.Waypoint;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.server.ReferenceServer;
import dev.protoshift.server.TestServers;
import dev.protoshift.tools.client.Backoff;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.client.ReconnectingSocket;
import dev.protoshift.tools.client.RecordingListener;
import dev.protoshift.tools.client.ReferenceClient;
import dev.protoshift.versioning.Protocol;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients of every kind in the reference server, end to end on loopback: what each receives,
 * decoded the way that client decodes (the frozen 1.0.0 schema for an old client).
 */
class GameEndToEndTest {

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

  /** Records every state a reference client decodes. */
  static final class States implements ReferenceClient.Listener {
    final List<ServerMessage.State> states = new CopyOnWriteArrayList<>();
    final List<ReferenceClient.Received> received = new CopyOnWriteArrayList<>();
    final List<String> controls = new CopyOnWriteArrayList<>();
    final List<ServerMessage.Error> errors = new CopyOnWriteArrayList<>();

    @Override
    public void state(ServerMessage.State state, ReferenceClient.Received r) {
      states.add(state);
      received.add(r);
    }

    @Override
    public void control(String type, String json) {
      controls.add(json);
    }

    @Override
    public void error(ServerMessage.Error error) {
      errors.add(error);
    }
  }

  static ReferenceClient.Options options(String room) {
    return ReferenceClient.options(server.gameUri(), room).backoff(Backoff.NONE);
  }

  static States run(ReferenceClient.Options options, int atLeast) throws Exception {
    States states = new States();
    try (ReferenceClient client = ReferenceClient.connect(clients, options, states)) {
      client.opened().get(5, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> states.states.size() >= atLeast);
      assertThat(client.stats().gaps()).isZero();
      assertThat(client.stats().repeats()).isZero();
      assertThat(client.stats().decodeErrors()).isZero();
    }
    return states;
  }

  static void assertConsecutive(List<ServerMessage.State> states) {
    for (int i = 1; i < states.size(); i++) {
      assertThat(states.get(i).tick()).isEqualTo(states.get(i - 1).tick() + 1);
    }
  }

  @Test
  void legacyJsonClient_getsJsonStatesWithItsOwnGhostAndConsecutiveTicks() throws Exception {
    States s = run(options("e1"), 10);
    assertThat(s.received).allSatisfy(r -> assertThat(r.protocol()).isEqualTo(Protocol.JSON));
    assertConsecutive(s.states);
    ServerMessage.State last = s.states.get(s.states.size() - 1);
    assertThat(last.me()).isNotNull();
    assertThat(last.me().name()).isEqualTo("player");
    assertThat(last.ghosts()).hasSize(3).noneMatch(g -> g.id().equals(last.me().id()));
    assertThat(last.now()).isGreaterThan(1_700_000_000_000_000L);
  }

  @Test
  void protobufClient110_getsBinaryStatesWithWaypointsAndNoRouteJson() throws Exception {
    RecordingListener raw = new RecordingListener();
    ReconnectingSocket socket = new ReconnectingSocket(clients,
        ReconnectingSocket.to(URI.create(server.gameUri() + "?room=e2&proto_version=1.1.0")), Backoff.NONE, raw);
    socket.connect().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> raw.binaries.size() >= 5);
    socket.close();
    assertThat(raw.texts).isEmpty();
    WsEnvelope envelope = WsEnvelope.parseFrom(raw.binaries.get(raw.binaries.size() - 1));
    assertThat(envelope.hasStateUpdate()).isTrue();
    var ghosts = envelope.getStateUpdate().getGhostsList();
    assertThat(ghosts).isNotEmpty().allSatisfy(g -> {
      assertThat(g.getWaypointsList()).isNotEmpty();
      assertThat(g.getRouteJson()).isEmpty();
    });
    assertThat(envelope.getStateUpdate().hasDag()).isTrue();
    assertThat(envelope.getStateUpdate().hasStory()).isTrue();
  }

  @Test
  void protobufClient100_decodedWithTheFrozen100Schema_seesRouteJsonAndNothingNewer() throws Exception {
    RecordingListener raw = new RecordingListener();
    ReconnectingSocket socket = new ReconnectingSocket(clients,
        ReconnectingSocket.to(URI.create(server.gameUri() + "?room=e3&proto_version=1.0.0")), Backoff.NONE, raw);
    socket.connect().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> raw.binaries.size() >= 5);
    socket.close();

    Descriptor envelopeType = ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope");
    long previousTick = -1;
    for (byte[] frame : raw.binaries) {
      DynamicMessage envelope = DynamicMessage.parseFrom(envelopeType, frame);
      assertThat(envelope.getUnknownFields().asMap()).isEmpty();
      DynamicMessage state = (DynamicMessage) envelope.getField(envelopeType.findFieldByName("state_update"));
      assertThat(state.getUnknownFields().asMap()).as("nothing a 1.0.0 client does not know").isEmpty();
      long tick = (Long) state.getField(state.getDescriptorForType().findFieldByName("tick"));
      if (previousTick >= 0) {
        assertThat(tick).isEqualTo(previousTick + 1);
      }
      previousTick = tick;
      FieldDescriptor ghostsField = state.getDescriptorForType().findFieldByName("ghosts");
      for (int i = 0; i < state.getRepeatedFieldCount(ghostsField); i++) {
        DynamicMessage ghost = (DynamicMessage) state.getRepeatedField(ghostsField, i);
        assertThat(ghost.getUnknownFields().asMap()).isEmpty();
        String routeJson = (String) ghost.getField(ghost.getDescriptorForType().findFieldByName("route_json"));
        assertThat(routeJson).startsWith("[{\"x\":");
      }
    }
  }

  @Test
  void helloClient_getsAckThenBinaryStates() throws Exception {
    States s = run(options("e4").hello("1.1.0", true, List.of("dag", "inventory", "story")), 10);
    assertThat(s.controls).anySatisfy(c -> assertThat(c).contains("hello_ack").contains("protobuf"));
    assertThat(s.received.get(s.received.size() - 1).protocol()).isEqualTo(Protocol.PROTOBUF);
    assertConsecutive(s.states);
    assertThat(s.states.get(s.states.size() - 1).story()).isNotNull();
  }

  @Test
  void subprotocolClient_getsBinaryStates_andAJsonOnlyOneGetsJson() throws Exception {
    States proto = run(options("e5").subprotocol("1.1.0", true), 5);
    assertThat(proto.received).allSatisfy(r -> assertThat(r.protocol()).isEqualTo(Protocol.PROTOBUF));
    States json = run(options("e5").subprotocol("1.1.0", false), 5);
    assertThat(json.received).allSatisfy(r -> assertThat(r.protocol()).isEqualTo(Protocol.JSON));
    assertThat(json.states.get(json.states.size() - 1).me().waypoints()).isNotNull();
  }

  @Test
  void mixedRoom_everyKindOfClientSeesTheSameStatePerTick() throws Exception {
    List<ReferenceClient.Options> kinds = List.of(options("mix"), options("mix").query("1.0.0"),
        options("mix").query("1.1.0"), options("mix").hello("1.1.0", true, null),
        options("mix").subprotocol("1.1.0", true), options("mix").subprotocol("1.0.0", false));
    List<States> all = new java.util.ArrayList<>();
    List<ReferenceClient> open = new java.util.ArrayList<>();
    for (ReferenceClient.Options o : kinds) {
      States s = new States();
      all.add(s);
      open.add(ReferenceClient.connect(clients, o, s));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> all.stream().allMatch(s -> s.states.size() >= 20));
    open.forEach(ReferenceClient::close);
    // The last tick every client has seen, decoded: the positions of the wandering ghosts agree.
    long tick = all.stream().mapToLong(s -> s.states.get(19).tick()).max().orElseThrow();
    Map<String, Float> reference = null;
    for (States s : all) {
      ServerMessage.State state = s.states.stream().filter(st -> st.tick() == tick).findFirst().orElse(null);
      if (state == null) {
        continue;
      }
      Map<String, Float> xs = new java.util.TreeMap<>();
      state.ghosts().stream().filter(g -> g.id().startsWith("g")).forEach(g -> xs.put(g.id(), g.x()));
      if (reference == null) {
        reference = xs;
      } else {
        assertThat(xs).isEqualTo(reference);
      }
    }
    assertThat(reference).isNotNull().hasSize(3);
    assertThat(all.get(1).received).allSatisfy(r -> assertThat(r.protocol()).isEqualTo(Protocol.PROTOBUF));
    assertThat(all.get(0).received).allSatisfy(r -> assertThat(r.protocol()).isEqualTo(Protocol.JSON));
    assertThat(all.get(5).received).allSatisfy(r -> assertThat(r.protocol()).isEqualTo(Protocol.JSON));
  }

  @Test
  void inputs_moveThePlayersGhost_inBothProtocols() throws Exception {
    for (ReferenceClient.Options o : List.of(options("in1"), options("in2").query("1.1.0"))) {
      States s = new States();
      try (ReferenceClient client = ReferenceClient.connect(clients, o, s)) {
        await().atMost(Duration.ofSeconds(5)).until(() -> s.states.size() >= 2);
        Waypoint target = new Waypoint(50, 50);
        client.send(new PlayerInput(1, new PlayerInput.SetRoute(List.of(target))));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
          ServerMessage.State last = s.states.get(s.states.size() - 1);
          return last.me().x() == 50f && last.me().y() == 50f;
        });
        client.send(new PlayerInput(2, new PlayerInput.Move(1, 0)));
        await().atMost(Duration.ofSeconds(10)).until(() -> s.states.get(s.states.size() - 1).me().x() > 50f);
        assertThat(s.errors).isEmpty();
      }
    }
  }

  @Test
  void refusedInput_isAnsweredWithAnErrorInTheConnectionsProtocol() throws Exception {
    for (ReferenceClient.Options o : List.of(options("er1"), options("er2").query("1.1.0"))) {
      States s = new States();
      try (ReferenceClient client = ReferenceClient.connect(clients, o, s)) {
        await().atMost(Duration.ofSeconds(5)).until(() -> s.states.size() >= 2);
        client.send(new PlayerInput(1, new PlayerInput.SetRoute(java.util.Collections.nCopies(33, new Waypoint(1, 1)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> !s.errors.isEmpty());
        assertThat(s.errors.get(0).code()).isEqualTo("bad_input");
        assertThat(s.errors.get(0).message()).contains("had 33");
      }
    }
  }
}
