package dev.protoshift.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.DecodeException;
import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.server.BroadcastMode;
import dev.protoshift.session.ConnectionIds;
import dev.protoshift.session.Session;
import dev.protoshift.session.Sessions;
import dev.protoshift.session.Transport;
import dev.protoshift.versioning.Protocol;
import dev.protoshift.versioning.rollout.RolloutConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomsTest {

  static final GameProtocol GAME = GameProtocol.reference();

  /** A client that decodes every state it gets (JSON, the legacy client's protocol). */
  static class Client implements Transport {
    final List<ServerMessage.State> states = new CopyOnWriteArrayList<>();
    volatile boolean broken;

    @Override
    public void sendBinary(ByteBuffer payload, SendCallback done) {
      done.succeeded();
    }

    @Override
    public void sendText(String text, SendCallback done) {
      if (broken) {
        throw new IllegalStateException("this client's socket is broken");
      }
      try {
        if (GAME.decodeJsonServerMessage(text, GAME.chain().baselineView()) instanceof ServerMessage.State s) {
          states.add(s);
        }
      } catch (DecodeException e) {
        throw new AssertionError(e);
      }
      done.succeeded();
    }

    @Override
    public void close(int code, String reason) {}

    @Override
    public void abort() {}

    List<Long> ticks() {
      return states.stream().map(ServerMessage.State::tick).toList();
    }
  }

  final AtomicInteger connections = new AtomicInteger();
  final Sessions<PlayerInput> sessions = Sessions.builder(GAME.chain(), GAME::decodeInput,
      (code, message, cohort) -> GAME.encodeError(new ServerMessage.Error(code, message), cohort))
      .rollout(RolloutConfig::defaults).build();
  Rooms rooms;

  @AfterEach
  void close() {
    if (rooms != null) {
      rooms.close();
    }
    sessions.close();
  }

  Rooms rooms(RoomSettings settings) {
    rooms = new Rooms(settings, sessions, GAME, BroadcastMode.PER_COHORT, Clock.systemUTC(),
        io.micrometer.core.instrument.Timer.builder("t").register(new SimpleMeterRegistry()));
    return rooms;
  }

  Session session(Client client) {
    return sessions.upgrade("", List.of(), new ConnectionIds("r", null, "c" + connections.incrementAndGet()))
        .open(client);
  }

  @Test
  void join_opensTheRoomOnDemand_andThePlayerGetsConsecutiveTicksWithItsGhostAsMe() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100));
    Client alice = new Client();
    Session s = session(alice);

    assertThat(rooms.join("lobby", "10.0.0.1", s, "alice")).isEqualTo(Rooms.Joined.SEATED);

    await().atMost(Duration.ofSeconds(5)).until(() -> alice.states.size() >= 5);
    List<Long> ticks = alice.ticks();
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i)).isEqualTo(ticks.get(i - 1) + 1);
    }
    assertThat(alice.states.get(0).me().name()).isEqualTo("alice");
    assertThat(s.recipientId()).isPresent();
    assertThat(rooms.count()).isEqualTo(1);
  }

  @Test
  void emptyRoom_isClosedAtItsNextTick_soASquatterCostsNothing() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100).withMaxRooms(20));
    for (int i = 0; i < 20; i++) {
      Session s = session(new Client());
      rooms.join("squat-" + i, "10.0.0." + i, s, "x");
      rooms.leave(s);
    }

    await().atMost(Duration.ofSeconds(2)).until(() -> rooms.count() == 0);
    assertThat(rooms.join("real", "10.0.1.1", session(new Client()), "y")).isEqualTo(Rooms.Joined.SEATED);
  }

  @Test
  void newRooms_areBudgetedPerAddress() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withNewRoomsPerMinute(2));

    assertThat(rooms.join("a", "10.0.0.9", session(new Client()), "x")).isEqualTo(Rooms.Joined.SEATED);
    assertThat(rooms.join("b", "10.0.0.9", session(new Client()), "x")).isEqualTo(Rooms.Joined.SEATED);
    assertThat(rooms.join("c", "10.0.0.9", session(new Client()), "x")).isEqualTo(Rooms.Joined.ROOM_BUDGET);
    assertThat(rooms.join("a", "10.0.0.9", session(new Client()), "x")).as("an open room costs nothing")
        .isEqualTo(Rooms.Joined.SEATED);
    assertThat(rooms.join("c", "10.0.0.10", session(new Client()), "x")).isEqualTo(Rooms.Joined.SEATED);
  }

  @Test
  void newRoomBudget_refillsOverAMinute() {
    long[] now = {0};
    Rooms.NewRoomBudget budget = new Rooms.NewRoomBudget(2, () -> now[0]);

    assertThat(budget.tryTake("a")).isTrue();
    assertThat(budget.tryTake("a")).isTrue();
    assertThat(budget.tryTake("a")).isFalse();
    now[0] += Duration.ofSeconds(30).toNanos();
    assertThat(budget.tryTake("a")).isTrue();
    assertThat(budget.tryTake("a")).isFalse();
  }

  @Test
  void join_beyondMaxRooms_isRefused() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withMaxRooms(2));

    rooms.join("a", "1", session(new Client()), "x");
    rooms.join("b", "1", session(new Client()), "x");

    assertThat(rooms.join("c", "1", session(new Client()), "x")).isEqualTo(Rooms.Joined.ROOMS_FULL);
    assertThat(rooms.join("a", "1", session(new Client()), "x")).isEqualTo(Rooms.Joined.SEATED);
  }

  @Test
  void leave_stopsTheStatesToThatPlayer_andTheOthersGoOn() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100));
    Client alice = new Client();
    Client bob = new Client();
    Session a = session(alice);
    rooms.join("r", "1", a, "alice");
    rooms.join("r", "1", session(bob), "bob");
    await().atMost(Duration.ofSeconds(5)).until(() -> alice.states.size() >= 2);

    rooms.leave(a);
    await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> true);
    int seen = alice.states.size();
    int bobSeen = bob.states.size();

    await().atMost(Duration.ofSeconds(5)).until(() -> bob.states.size() > bobSeen + 3);
    assertThat(alice.states).hasSize(seen);
    assertThat(bob.states.get(bob.states.size() - 1).ghosts()).noneMatch(g -> g.name().equals("alice"));
  }

  @Test
  void aPlayerWhoseSocketFails_doesNotStopTheRoom() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100));
    Client broken = new Client();
    broken.broken = true;
    Client fine = new Client();
    rooms.join("r", "1", session(broken), "b");
    rooms.join("r", "1", session(fine), "f");

    await().atMost(Duration.ofSeconds(5)).until(() -> fine.states.size() >= 10);
    assertThat(broken.states).isEmpty();
  }

  @Test
  void submit_anInputTheGameRefuses_isAnsweredWithAnErrorInTheClientsProtocol() throws Exception {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100));
    List<String> texts = new CopyOnWriteArrayList<>();
    Client client = new Client() {
      @Override
      public void sendText(String text, SendCallback done) {
        texts.add(text);
        done.succeeded();
      }
    };
    Session s = session(client);
    rooms.join("r", "1", s, "x");
    await().atMost(Duration.ofSeconds(5)).until(() -> !texts.isEmpty());

    rooms.of(s).orElseThrow().submit(s, new PlayerInput(1, new PlayerInput.UseItem("no-such-item")));

    await().atMost(Duration.ofSeconds(5)).until(() -> texts.stream().anyMatch(t -> t.contains("\"type\":\"error\"")));
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("unknown_item"));
    assertThat(s.cohort()).isEqualTo(new Cohort(Protocol.JSON, GAME.chain().baselineView()));
  }

  @Test
  void requireRoomId_namesTheBadId() {
    assertThatThrownBy(() -> Rooms.requireRoomId("")).hasMessageContaining("missing room");
    assertThatThrownBy(() -> Rooms.requireRoomId("a b")).hasMessageContaining("was \"a b\"");
  }
}
