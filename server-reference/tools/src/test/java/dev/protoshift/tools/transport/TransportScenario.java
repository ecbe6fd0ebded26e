package dev.protoshift.tools.transport;

import static dev.protoshift.tools.transport.ScenarioChecks.WAIT;
import static dev.protoshift.tools.transport.ScenarioChecks.assertEachFrameIsPlain100;
import static dev.protoshift.tools.transport.ScenarioChecks.assertRefused;
import static dev.protoshift.tools.transport.ScenarioChecks.assertSwitch;
import static dev.protoshift.tools.transport.ScenarioChecks.assertSwitchedTogether;
import static dev.protoshift.tools.transport.ScenarioChecks.awaitStates;
import static dev.protoshift.tools.transport.ScenarioChecks.last;
import static dev.protoshift.tools.transport.ScenarioChecks.protocols;
import static dev.protoshift.tools.transport.ScenarioChecks.wanderers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protoshift.proto.game.WsEnvelope;
import dev.protoshift.reference.game.Ghost;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.session.SessionStats;
import dev.protoshift.session.Sessions;
import dev.protoshift.tools.client.ClientRuntime;
import dev.protoshift.tools.transport.ScenarioClient.StateEvent;
import dev.protoshift.versioning.Protocol;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** A game server on one transport, as the scenario sees it. */
  /**
   * A started server as the scenario sees it: its game URI ({@code ws://HOST:PORT/ws}), its sessions
   * (the server's side of each connection), its session metrics in Prometheus text, and how to stop it.
   */
  record ServerUnderTest(URI gameUri, Sessions<?> sessions, java.util.function.Supplier<String> metrics,
      Runnable stop) implements AutoCloseable {

    /** Its session metrics, in Prometheus text. */
    String scrape() {
      return metrics.get();
    }

    @Override
    public void close() {
      stop.run();
    }
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
    assertEachFrameIsPlain100(v100);

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

}
