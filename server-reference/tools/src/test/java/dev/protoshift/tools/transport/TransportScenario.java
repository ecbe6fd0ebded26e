package dev.protoshift.tools.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.reference.ReferenceSchema;
import dev.protoshift.reference.game.Ghost;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.session.CloseCode;
import dev.protoshift.session.ProtocolSwitch;
import dev.protoshift.session.SessionStats;
import dev.protoshift.session.Sessions;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.transport.ScenarioClient.StateEvent;
import dev.protoshift.versioning.HelloReply;
import dev.protoshift.versioning.Protocol;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end scenario that shows the session library transport-neutral: the same reference
 * game, the same real WebSocket clients and the same assertions, against a server on one
 * transport. A subclass names the transport ({@link #start}); its tests are these.
 */
abstract class TransportScenario {

  static final String ENABLED = "protobuf:\n  enabled: true\n  rollout_percentage: 100\n";
  static final String KILLED = "protobuf:\n  enabled: false\n  rollout_percentage: 100\n";
  /** Garbage binary frames a connection may send within the window; one more downgrades it. */
  static final int DECODE_ERROR_LIMIT = 3;
  static final int TICK_RATE_HZ = 50;
  static final int WANDERERS = 3;
  static final Duration WAIT = Duration.ofSeconds(15);

  /** A game server on one transport, as the scenario sees it. */
  interface ServerUnderTest extends AutoCloseable {
    /** {@code ws://HOST:PORT/ws}. */
    URI gameUri();

    /** Its sessions: the server's side of each connection. */
    Sessions<?> sessions();

    /** Its session metrics, in Prometheus text. */
    String scrape();

    @Override
    void close();
  }

  /**
   * Starts the reference game on the transport under test, on a free loopback port: the rollout
   * config watched in {@code configFile}, a decode-error budget of {@link #DECODE_ERROR_LIMIT},
   * {@link #TICK_RATE_HZ} ticks per second, {@link #WANDERERS} wandering ghosts per room.
   */
  abstract ServerUnderTest start(Path configFile) throws Exception;

  @TempDir
  Path dir;
  Path config;
  ClientRuntime runtime;
  ServerUnderTest server;
  final List<ScenarioClient> clients = new ArrayList<>();

  @BeforeEach
  void startServer() throws Exception {
    config = dir.resolve("rollout.yaml");
    Files.writeString(config, ENABLED);
    runtime = ClientRuntime.start();
    server = start(config);
  }

  @AfterEach
  void stopServer() {
    clients.forEach(ScenarioClient::close);
    if (server != null) {
      server.close();
    }
    runtime.close();
  }

  @Test
  void mixedCohorts_inOneRoom_eachClientGetsStatesInItsOwnProtocolAndView() throws Exception {
    ScenarioClient v110 = query("mixed", "1.1.0");
    ScenarioClient v100 = query("mixed", "1.0.0");
    ScenarioClient offers110 = subprotocol("mixed", "1.1.0");
    ScenarioClient legacy = legacy("mixed");
    awaitStates(clients, 20);

    for (ScenarioClient c : List.of(v110, v100, offers110)) {
      assertThat(protocols(c)).as(c + " protocols").containsExactly(Protocol.PROTOBUF);
    }
    assertThat(protocols(legacy)).containsExactly(Protocol.JSON);
    assertThat(offers110.acceptedSubprotocol()).as("selected by the server").contains("protoshift.protobuf.v1.1");
    assertThat(v110.acceptedSubprotocol()).isEmpty();
    assertThat(legacy.acceptedSubprotocol()).isEmpty();

    // 1.1.0: waypoints, the quest graph and the story; no route_json.
    ServerMessage.State newest = last(v110).state();
    assertThat(newest.dag()).isNotNull();
    assertThat(newest.story()).isNotNull();
    WsEnvelope envelope = WsEnvelope.parseFrom(last(v110).frame());
    assertThat(wanderers(envelope.getStateUpdate().getGhostsList(), g -> g.getId())).allSatisfy(g -> {
      assertThat(g.getWaypointsList()).isNotEmpty();
      assertThat(g.getRouteJson()).isEmpty();
    });
    // 1.0.0 and legacy JSON: the 1.0.0 view; the route as route_json; nothing a 1.0.0 client does not know.
    for (ScenarioClient old : List.of(v100, legacy)) {
      assertThat(last(old).state().dag()).as(old + " dag").isNull();
      assertThat(last(old).state().story()).as(old + " story").isNull();
    }
    Descriptor v100Envelope = ReferenceSchema.releasedMessage("1.0.0", "WsEnvelope");
    for (StateEvent e : v100.states()) {
      DynamicMessage frame = DynamicMessage.parseFrom(v100Envelope, e.frame());
      DynamicMessage state = (DynamicMessage) frame.getField(v100Envelope.findFieldByName("state_update"));
      assertThat(frame.getUnknownFields().asMap()).isEmpty();
      assertThat(state.getUnknownFields().asMap()).as("nothing newer than 1.0.0").isEmpty();
      var ghosts = state.getDescriptorForType().findFieldByName("ghosts");
      for (int i = 0; i < state.getRepeatedFieldCount(ghosts); i++) {
        DynamicMessage ghost = (DynamicMessage) state.getRepeatedField(ghosts, i);
        assertThat(ghost.getUnknownFields().asMap()).isEmpty();
        if (((String) ghost.getField(ghost.getDescriptorForType().findFieldByName("id"))).startsWith("g")) {
          assertThat((String) ghost.getField(ghost.getDescriptorForType().findFieldByName("route_json")))
              .as("route_json of a wandering ghost").startsWith("[{\"x\":");
        }
      }
    }

    // One room, one state per tick: every client reads the same wandering ghosts at a tick they all got.
    Set<Long> common = new TreeSet<>(v110.states().stream().map(StateEvent::tick).toList());
    clients.forEach(c -> common.retainAll(c.states().stream().map(StateEvent::tick).toList()));
    assertThat(common).as("ticks every client got").isNotEmpty();
    long tick = common.iterator().next();
    Map<String, Ghost> reference = null;
    for (ScenarioClient c : clients) {
      ServerMessage.State at = c.states().stream().filter(e -> e.tick() == tick).findFirst().orElseThrow().state();
      Map<String, Ghost> seen = wanderers(at.ghosts(), Ghost::id).stream()
          .collect(Collectors.toMap(Ghost::id, g -> g.withInventory(List.of())));
      assertThat(seen).as(c + " at tick " + tick).hasSize(WANDERERS);
      if (reference == null) {
        assertThat(seen.values()).allSatisfy(g -> assertThat(g.waypoints()).as(c + " route of " + g.id()).isNotEmpty());
        reference = seen;
      } else {
        assertThat(seen).as(c + " at tick " + tick).isEqualTo(reference);
      }
    }
    clients.forEach(this::assertClean);
  }

  @Test
  void killSwitch_viaConfigFile_switchesEveryProtobufConnectionOnceAtOneTick_andBack() throws Exception {
    List<ScenarioClient> protobuf = List.of(query("ks", "1.1.0"), query("ks", "1.0.0"), subprotocol("ks", "1.1.0"));
    ScenarioClient legacy = legacy("ks");
    awaitStates(clients, 5);
    assertThat(protobuf).allSatisfy(c -> assertThat(protocols(c)).containsExactly(Protocol.PROTOBUF));

    writeConfig(KILLED);
    await().atMost(WAIT).until(() -> protobuf.stream().allMatch(c -> c.switches().size() == 1
        && c.statesSinceLastSwitch() >= 5));
    long off = assertSwitchedTogether(protobuf, 0, Protocol.PROTOBUF, Protocol.JSON, "kill_switch");

    writeConfig(ENABLED);
    await().atMost(WAIT).until(() -> protobuf.stream().allMatch(c -> c.switches().size() == 2
        && c.statesSinceLastSwitch() >= 5));
    long on = assertSwitchedTogether(protobuf, 1, Protocol.JSON, Protocol.PROTOBUF, "in_rollout");

    assertThat(on).isGreaterThan(off);
    for (ScenarioClient c : protobuf) {
      assertThat(protocols(c)).as(c + " protocols").containsExactly(Protocol.PROTOBUF, Protocol.JSON, Protocol.PROTOBUF);
    }
    assertThat(legacy.switches()).isEmpty();
    assertThat(protocols(legacy)).containsExactly(Protocol.JSON);
    clients.forEach(this::assertClean);
  }

  @Test
  void decodeErrors_pastTheBudget_downgradeThatConnection_whileItsNeighbourStaysOnProtobuf() throws Exception {
    ScenarioClient garbage = query("de", "1.1.0");
    ScenarioClient neighbour = query("de", "1.1.0");
    awaitStates(clients, 5);

    for (int i = 0; i <= DECODE_ERROR_LIMIT; i++) {
      garbage.sendBinary(new byte[] {(byte) 0xFF, 1, 2, 3});
    }
    await().atMost(WAIT).until(() -> garbage.switches().size() == 1 && garbage.statesSinceLastSwitch() >= 5);
    long from = assertSwitch(garbage, 0, Protocol.PROTOBUF, Protocol.JSON, "decode_errors");
    await().atMost(WAIT).until(() -> last(neighbour).tick() >= from + 5);

    assertThat(garbage.errors()).as("one error per garbage frame, in protobuf, before the switch")
        .hasSize(DECODE_ERROR_LIMIT + 1)
        .allSatisfy(e -> {
          assertThat(e.error().code()).isEqualTo("bad_frame");
          assertThat(e.protocol()).isEqualTo(Protocol.PROTOBUF);
        });
    List<ScenarioClient.Event> events = List.copyOf(garbage.events);
    int lastError = 0;
    int theSwitch = 0;
    for (int i = 0; i < events.size(); i++) {
      lastError = events.get(i) instanceof ScenarioClient.ErrorEvent ? i : lastError;
      theSwitch = events.get(i) instanceof ScenarioClient.SwitchEvent ? i : theSwitch;
    }
    assertThat(lastError).as("the last error comes before the switch").isLessThan(theSwitch);
    assertThat(protocols(garbage)).containsExactly(Protocol.PROTOBUF, Protocol.JSON);
    assertThat(neighbour.switches()).isEmpty();
    assertThat(protocols(neighbour)).containsExactly(Protocol.PROTOBUF);
    assertThat(neighbour.states().get(0).tick()).isLessThan(from);
    assertNoStateLost(garbage);
    assertThat(garbage.undecodable).isEmpty();
    assertThat(garbage.closeCodes).isEmpty();
    assertClean(neighbour);
    assertThat(server.scrape())
        .contains("protoshift_protocol_switches_total{from=\"protobuf\",reason=\"decode_errors\",to=\"json\"} 1.0");
  }

  @Test
  void refusedVersion_viaQuery_getsHelloRejectThenClose4002() {
    assertRefused(query("rq", "9.0.0"));
  }

  @Test
  void refusedVersion_viaSubprotocol_selectsAnOfferedSubprotocol_thenHelloRejectAndClose4002() {
    ScenarioClient c = subprotocol("rs", "9.0.0");
    assertRefused(c);
    assertThat(c.acceptedSubprotocol()).as("a browser fails an upgrade that selects none of its offers")
        .contains("protoshift.protobuf.v9.0");
  }

  // ---- the clients and the checks ---------------------------------------------------------------

  ScenarioClient query(String room, String version) {
    return add(ScenarioClient.query(runtime, server.gameUri(), room, version));
  }

  ScenarioClient subprotocol(String room, String version) {
    return add(ScenarioClient.subprotocol(runtime, server.gameUri(), room, version));
  }

  ScenarioClient legacy(String room) {
    return add(ScenarioClient.legacy(runtime, server.gameUri(), room));
  }

  private ScenarioClient add(ScenarioClient c) {
    clients.add(c);
    return c;
  }

  void writeConfig(String yaml) throws Exception {
    Path tmp = Files.createTempFile(dir, "rollout", ".tmp");
    Files.writeString(tmp, yaml);
    Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void awaitStates(List<ScenarioClient> clients, int atLeast) {
    await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> c.states().size() >= atLeast));
  }

  static StateEvent last(ScenarioClient c) {
    List<StateEvent> states = c.states();
    return states.get(states.size() - 1);
  }

  /** The protocols of a client's states, runs collapsed: [protobuf, json] for one switch to JSON. */
  static List<Protocol> protocols(ScenarioClient c) {
    List<Protocol> runs = new ArrayList<>();
    for (StateEvent e : c.states()) {
      if (runs.isEmpty() || runs.get(runs.size() - 1) != e.protocol()) {
        runs.add(e.protocol());
      }
    }
    return runs;
  }

  static <G> List<G> wanderers(List<G> ghosts, java.util.function.Function<G, String> id) {
    return ghosts.stream().filter(g -> id.apply(g).startsWith("g")).collect(Collectors.toList());
  }

  /**
   * Checks a client's {@code index}-th switch: it says {@code to}, {@code reason} and the client's
   * version, and it is between the last state in {@code from} and the first in {@code to}, whose
   * ticks enclose {@code from_tick}. With {@link #assertNoStateLost} and nothing dropped, that is
   * exactly: the last old state is {@code from_tick - 1}, the first new one {@code from_tick}. A
   * connection that is behind may have the state before or at {@code from_tick} replaced by a
   * newer one (latest state wins), counted by the server.
   *
   * @return its {@code from_tick}
   */
  static long assertSwitch(ScenarioClient c, int index, Protocol from, Protocol to, String reason) {
    List<ScenarioClient.Event> events = List.copyOf(c.events);
    int at = -1;
    for (int i = 0, seen = -1; i < events.size() && at < 0; i++) {
      if (events.get(i) instanceof ScenarioClient.SwitchEvent && ++seen == index) {
        at = i;
      }
    }
    assertThat(at).as(c + " switch #" + index).isNotNegative();
    ProtocolSwitch s = ((ScenarioClient.SwitchEvent) events.get(at)).value();
    assertThat(s.protocol()).as(c + " " + s).isEqualTo(to);
    assertThat(s.reason()).as(c + " " + s).isEqualTo(reason);
    assertThat(s.version()).as(c + " " + s).hasValueSatisfying(v -> {
      assertThat(v.major()).isEqualTo(c.version.major());
      assertThat(v.minor()).isEqualTo(c.version.minor());
    });
    StateEvent before = null;
    for (int i = at - 1; i >= 0 && before == null; i--) {
      before = events.get(i) instanceof StateEvent e ? e : null;
    }
    StateEvent after = null;
    for (int i = at + 1; i < events.size() && after == null; i++) {
      after = events.get(i) instanceof StateEvent e ? e : null;
    }
    assertThat(before).as(c + ": a state before " + s).isNotNull();
    assertThat(after).as(c + ": a state after " + s).isNotNull();
    assertThat(before.protocol()).as(c + ": last state before " + s).isEqualTo(from);
    assertThat(after.protocol()).as(c + ": first state after " + s).isEqualTo(to);
    // before < from_tick <= after; with nothing dropped (assertNoStateLost) after = before + 1 = from_tick.
    assertThat(before.tick()).as(c + ": last state before " + s).isLessThan(s.fromTick());
    assertThat(after.tick()).as(c + ": first state after " + s).isGreaterThanOrEqualTo(s.fromTick());
    return s.fromTick();
  }

  /** {@link #assertSwitch} for every client of one room, and they all switched at the same tick. */
  static long assertSwitchedTogether(List<ScenarioClient> room, int index, Protocol from, Protocol to, String reason) {
    List<Long> ticks = room.stream().map(c -> assertSwitch(c, index, from, to, reason)).distinct()
        .collect(Collectors.toList());
    assertThat(ticks).as("from_tick of every member of the room").hasSize(1);
    return ticks.get(0);
  }

  /**
   * No state repeated, and no state lost: ticks increase, and every tick missing between two
   * states is one the server dropped on purpose for this connection (a newer state replaced it
   * while the previous write was still in flight, counted in its {@link SessionStats}). On an
   * idle machine nothing is dropped and the ticks are consecutive; a starved one drops a few.
   */
  void assertNoStateLost(ScenarioClient c) {
    List<StateEvent> states = c.states();
    long missing = 0;
    for (int i = 1; i < states.size(); i++) {
      long step = states.get(i).tick() - states.get(i - 1).tick();
      assertThat(step).as(c + ": tick of state #" + i + " after " + states.get(i - 1).tick()).isPositive();
      missing += step - 1;
    }
    assertThat(missing).as(c + ": ticks missing, at most the states the server dropped for it")
        .isLessThanOrEqualTo(serverSide(c).statesDropped());
  }

  /** The server's counters of a client's connection (it is open). */
  SessionStats serverSide(ScenarioClient c) {
    return server.sessions().sessions().stream().filter(s -> c.player.equals(s.ids().player())).findFirst()
        .orElseThrow(() -> new AssertionError("no open session on the server for " + c)).stats();
  }

  /** No state lost or repeated, every frame decoded, no error, still open. */
  void assertClean(ScenarioClient c) {
    assertNoStateLost(c);
    assertThat(c.undecodable).as(c + " undecodable frames").isEmpty();
    assertThat(c.errors()).as(c + " errors").isEmpty();
    assertThat(c.closeCodes).as(c + " closes").isEmpty();
    assertThat(c.isOpen()).as(c + " open").isTrue();
  }

  /** A hello_reject naming the supported range, no state, then close 4002. */
  static void assertRefused(ScenarioClient c) {
    await().atMost(WAIT).until(() -> !c.closeCodes.isEmpty());
    assertThat(c.closeCodes).containsExactly(CloseCode.VERSION_UNSUPPORTED.code());
    assertThat(c.events).hasSize(1).first().isInstanceOfSatisfying(ScenarioClient.ReplyEvent.class, r ->
        assertThat(r.reply()).isInstanceOfSatisfying(HelloReply.Reject.class, reject -> {
          assertThat(reject.reason()).isEqualTo("unsupported_major");
          assertThat(reject.message()).contains("9.0.0");
        }));
    assertThat(c.undecodable).isEmpty();
  }
}
