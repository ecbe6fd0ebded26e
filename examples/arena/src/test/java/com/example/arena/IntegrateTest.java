package com.example.arena;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.arena.ArenaClient.Frame;
import com.example.arena.v1.ArenaMessage;
import com.example.arena.v1.Direction;
import com.example.arena.v1.Input;
import com.example.arena.v1.Point;
import com.example.arena.v1.Snake;
import com.example.arena.v1.State;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.convert.ProtoJson;
import dev.protoshift.session.ControlMessage;
import dev.protoshift.session.ProtocolSwitch;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/integrate.md: the arena on Netty ({@link ArenaServer}) with real clients over real sockets,
 * the JDK's WebSocket client. The page quotes the regions between "doc:start" and "doc:end".
 */
class IntegrateTest {

  private static final String ROLLOUT_ON = "protobuf:\n  enabled: true\n  rollout_percentage: 100\n";
  private static final ProtoJson JSON = ProtoJson.create();

  @TempDir Path dir;
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final HttpClient http = HttpClient.newHttpClient();
  Path rolloutFile;
  ArenaServer server;

  @BeforeEach
  void start() throws Exception {
    rolloutFile = dir.resolve("rollout.yaml");
    Files.writeString(rolloutFile, ROLLOUT_ON);
    server = new ArenaServer(0, rolloutFile, registry, Duration.ofMillis(25));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @SuppressWarnings("deprecation") // getBodyJson: what the legacy client reads
  void oneRoom_protobuf110_protobuf100_andJsonClients_eachGetTheirOwnFrames() throws Exception {
    // doc:start clients
    int port = server.port();
    // protobuf 1.1.0 by subprotocol, protobuf 1.0.0 by query parameter, JSON by declaring nothing:
    ArenaClient current = ArenaClient.connect(http, port, "", "protoshift.protobuf.v1.1", "protoshift.json.v1.1");
    ArenaClient old = ArenaClient.connect(http, port, "proto_version=1.0.0");
    ArenaClient legacy = ArenaClient.connect(http, port, "");
    assertThat(current.subprotocol()).isEqualTo("protoshift.protobuf.v1.1");

    // Each sees the three snakes, in its own encoding and release:
    Snake seenByCurrent = lastState(current, 3).getSnakes(0);           // binary, read with today's classes
    assertThat(seenByCurrent.getBodyList()).isNotEmpty();
    Message seenByOld = lastStateAsRelease100(old, 3);                  // binary, read with the frozen 1.0.0 schema
    assertThat(field(snake0(seenByOld), "body_json")).asString().startsWith("[[");
    assertThat(unknownFieldsIn(seenByOld)).isFalse();
    assertThat(legacy.frames()).noneMatch(Frame::binary);               // text: protobuf's JSON mapping
    assertThat(lastState(legacy, 3).getSnakes(0).getBodyJson()).startsWith("[[");
    // doc:end

    // Inputs come back through each client's protocol and turn its snake.
    current.sendBinary(ArenaMessage.newBuilder().setInput(Input.newBuilder().setTurn(Direction.DOWN)).build().toByteArray());
    legacy.sendText("{\"input\":{\"turn\":\"UP\"}}");
    current.await("snake-1 heading down and snake-3 up", frames -> {
      Optional<State> state = states(frames).reduce((a, b) -> b);
      return state.isPresent() && heading(state.get(), "snake-1") == Direction.DOWN
          && heading(state.get(), "snake-3") == Direction.UP;
    });
    assertThat(gauge("protobuf", "1.1.0")).isEqualTo(1);
    assertThat(gauge("protobuf", "1.0.0")).isEqualTo(1);
    assertThat(gauge("json", "1.0.0")).isEqualTo(1);
    closeAll(current, old, legacy);
  }

  @Test
  void killSwitchInTheRolloutFile_movesTheProtobufClientsToJson_betweenTwoStates() throws Exception {
    int port = server.port();
    ArenaClient current = ArenaClient.connect(http, port, "", "protoshift.protobuf.v1.1", "protoshift.json.v1.1");
    ArenaClient old = ArenaClient.connect(http, port, "proto_version=1.0.0");
    ArenaClient legacy = ArenaClient.connect(http, port, "");
    lastState(current, 3);
    lastState(old, 3);

    // doc:start kill-switch
    Files.writeString(rolloutFile, "protobuf:\n  enabled: false\n"); // the kill switch; hot-reloaded

    for (ArenaClient client : List.of(current, old)) {
      List<Frame> frames = client.await("a JSON state after a protocol_switch",
          f -> switchAt(f) >= 0 && f.subList(switchAt(f), f.size()).stream().anyMatch(IntegrateTest::isState));
      int at = switchAt(frames);
      ProtocolSwitch change = ProtocolSwitch.parse(frames.get(at).text());
      assertThat(change.protocol()).isEqualTo(Protocol.JSON);
      assertThat(change.reason()).isEqualTo("kill_switch");
      // every state before the switch is protobuf and older than from_tick; every one after is JSON:
      List<Frame> before = frames.subList(0, at).stream().filter(IntegrateTest::isState).toList();
      List<Frame> after = frames.subList(at + 1, frames.size()).stream().filter(IntegrateTest::isState).toList();
      assertThat(before).allMatch(Frame::binary).allMatch(f -> tick(f) < change.fromTick());
      assertThat(after).noneMatch(Frame::binary).allMatch(f -> tick(f) >= change.fromTick());
      // no tick twice, and none missing but those a slow client's queue replaced by a newer one (counted):
      assertThat(missingTicks(frames)).isLessThanOrEqualTo(droppedUpdates());
    }
    assertThat(legacy.frames()).noneMatch(f -> ControlMessage.type(f.text()).isPresent()); // was JSON already
    assertThat(registry.scrape()).contains( // what Prometheus scrapes from your /metrics
        "protoshift_protocol_switches_total{from=\"protobuf\",reason=\"kill_switch\",to=\"json\"} 2.0");
    // doc:end

    Files.writeString(rolloutFile, ROLLOUT_ON); // back on: protobuf again, announced the same way
    List<Frame> frames = current.await("a second protocol_switch", f -> f.stream()
        .filter(x -> !x.binary() && ControlMessage.type(x.text()).isPresent()).count() == 2);
    Frame back = frames.stream().filter(x -> !x.binary() && ControlMessage.type(x.text()).isPresent())
        .reduce((a, b) -> b).orElseThrow();
    assertThat(ProtocolSwitch.parse(back.text()).protocol()).isEqualTo(Protocol.PROTOBUF);
    assertThat(ProtocolSwitch.parse(back.text()).reason()).isEqualTo("in_rollout");
    closeAll(current, old, legacy);
  }

  @Test
  void killSwitchThroughTheAdminLayer_switchesAtOnce_andClearingItSwitchesBack() throws Exception {
    ArenaClient current = ArenaClient.connect(http, server.port(), "proto_version=1.1.0");
    lastState(current, 1);

    // doc:start admin-kill-switch
    // From your admin endpoint (authenticated): the admin layer wins over the file and the environment.
    server.rollout().mergeAdminOverrides(RolloutOverrides.builder().enabled(false).build());
    // doc:end
    current.await("a protocol_switch to JSON", f -> switchAt(f) >= 0);

    server.rollout().clearAdminOverrides(); // the file's config again: protobuf

    List<Frame> frames = current.await("two protocol_switch messages", f -> f.stream()
        .filter(x -> !x.binary() && ControlMessage.type(x.text()).isPresent()).count() == 2);
    List<ProtocolSwitch> switches = frames.stream().filter(x -> !x.binary() && ControlMessage.type(x.text()).isPresent())
        .map(x -> ProtocolSwitch.parse(x.text())).toList();
    assertThat(switches).extracting(ProtocolSwitch::protocol).containsExactly(Protocol.JSON, Protocol.PROTOBUF);
    assertThat(switches).extracting(ProtocolSwitch::reason).containsExactly("kill_switch", "in_rollout");
    current.close();
  }

  @Test
  void garbageBinaryFramesPastTheBudget_moveThatClientToJson_andNoOtherClient() throws Exception {
    int port = server.port();
    ArenaClient current = ArenaClient.connect(http, port, "", "protoshift.protobuf.v1.1", "protoshift.json.v1.1");
    ArenaClient old = ArenaClient.connect(http, port, "proto_version=1.0.0");
    lastState(current, 2);
    lastState(old, 2);

    // doc:start decode-errors
    byte[] garbage = {0x0a, 0x7f}; // a length-delimited field 1 of 127 bytes, and no bytes
    for (int i = 0; i < 4; i++) {
      old.sendBinary(garbage);     // each answered with an error; the 4th is one over the budget of 3
    }
    List<Frame> frames = old.await("a JSON state after a protocol_switch",
        f -> switchAt(f) >= 0 && f.subList(switchAt(f), f.size()).stream().anyMatch(IntegrateTest::isState));
    ProtocolSwitch change = ProtocolSwitch.parse(frames.get(switchAt(frames)).text());
    assertThat(change.reason()).isEqualTo("decode_errors");
    assertThat(frames.subList(0, switchAt(frames))).filteredOn(f -> f.binary() && message(f).hasError())
        .extracting(f -> message(f).getError().getCode()).containsExactly("bad_frame", "bad_frame", "bad_frame", "bad_frame");

    // the other protobuf client goes on in protobuf:
    List<Frame> others = current.await("a state after the switch", f -> states(f).anyMatch(s -> s.getTick() > change.fromTick()));
    assertThat(others).filteredOn(IntegrateTest::isState).allMatch(Frame::binary);
    assertThat(registry.get("protoshift.decode.errors").tags("protocol", "protobuf", "version", "1.0.0", "reason", "bad_frame")
        .counter().count()).isEqualTo(4);
    // doc:end
    assertThat(registry.get("protoshift.protocol.switches").tags("from", "protobuf", "to", "json", "reason", "decode_errors")
        .counter().count()).isEqualTo(1);
    closeAll(current, old);
  }

  // ---- reading frames as the clients do -------------------------------------------------------

  /** The index of the first protocol_switch, or -1. */
  static int switchAt(List<Frame> frames) {
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      if (!f.binary() && ControlMessage.type(f.text()).filter(ProtocolSwitch.TYPE::equals).isPresent()) {
        return i;
      }
    }
    return -1;
  }

  /** Ticks the client's states skip, from its first state to its last; fails if a tick comes twice or goes back. */
  static long missingTicks(List<Frame> frames) {
    List<Long> ticks = frames.stream().filter(IntegrateTest::isState).map(IntegrateTest::tick).toList();
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i)).as("ticks in order, none twice: %s", ticks).isGreaterThan(ticks.get(i - 1));
    }
    return ticks.isEmpty() ? 0 : ticks.get(ticks.size() - 1) - ticks.get(0) + 1 - ticks.size();
  }

  /** States dropped for slow clients (the latest state wins), every client together. */
  long droppedUpdates() {
    return (long) registry.find("protoshift.updates.dropped").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  static boolean isState(Frame f) {
    return (f.binary() || ControlMessage.type(f.text()).isEmpty()) && message(f).hasState();
  }

  static long tick(Frame f) {
    return message(f).getState().getTick();
  }

  /** A game message as the current schema reads it: protobuf from a binary frame, JSON from text. */
  static ArenaMessage message(Frame f) {
    try {
      if (f.binary()) {
        return ArenaMessage.parseFrom(f.bytes());
      }
      ArenaMessage.Builder m = ArenaMessage.newBuilder();
      JSON.read(f.bytes(), m);
      return m.build();
    } catch (com.google.protobuf.InvalidProtocolBufferException | DecodeException e) {
      throw new AssertionError("not an arena message: " + e.getMessage(), e);
    }
  }

  static java.util.stream.Stream<State> states(List<Frame> frames) {
    return frames.stream().filter(IntegrateTest::isState).map(f -> message(f).getState());
  }

  /** The last state the client got, once states show {@code snakes} snakes. */
  static State lastState(ArenaClient client, int snakes) throws InterruptedException {
    List<Frame> frames = client.await(snakes + " snakes", f -> states(f).anyMatch(s -> s.getSnakesCount() == snakes));
    return states(frames).reduce((a, b) -> b).orElseThrow();
  }

  /** The last state, decoded as a 1.0.0 client does: with the frozen 1.0.0 schema. */
  static Message lastStateAsRelease100(ArenaClient client, int snakes) throws Exception {
    lastState(client, snakes);
    List<Frame> frames = client.frames().stream().filter(IntegrateTest::isState).toList();
    Descriptor release100 = ArenaProtocol.HISTORY.message("1.0.0", "arena.v1.ArenaMessage").orElseThrow();
    DynamicMessage message = DynamicMessage.parseFrom(release100, frames.get(frames.size() - 1).bytes());
    return (Message) field(message, "state");
  }

  static Message snake0(Message state) {
    return (Message) state.getRepeatedField(state.getDescriptorForType().findFieldByName("snakes"), 0);
  }

  static Object field(Message m, String name) {
    return m.getField(m.getDescriptorForType().findFieldByName(name));
  }

  /** True if the message, or any message in it, has a field its schema does not know. */
  static boolean unknownFieldsIn(Message m) {
    if (!m.getUnknownFields().asMap().isEmpty()) {
      return true;
    }
    return m.getAllFields().values().stream().flatMap(v -> v instanceof List<?> l ? l.stream() : java.util.stream.Stream.of(v))
        .anyMatch(v -> v instanceof Message nested && unknownFieldsIn(nested));
  }

  /** Which way a snake went last tick, from its head and the cell behind it. */
  static Direction heading(State state, String id) {
    Snake snake = state.getSnakesList().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    if (snake.getBodyCount() < 2) {
      return Direction.DIRECTION_UNSPECIFIED;
    }
    Point head = snake.getBody(0);
    Point neck = snake.getBody(1);
    return head.getY() > neck.getY() ? Direction.DOWN : head.getY() < neck.getY() ? Direction.UP
        : head.getX() < neck.getX() ? Direction.LEFT : Direction.RIGHT;
  }

  double gauge(String protocol, String version) {
    return registry.get("protoshift.ws.connections").tags("protocol", protocol, "version", version).gauge().value();
  }

  static void closeAll(ArenaClient... clients) {
    for (ArenaClient c : clients) {
      c.close();
    }
  }
}
