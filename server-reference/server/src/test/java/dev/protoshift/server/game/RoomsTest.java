package dev.protoshift.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.protoshift.server.metrics.ServerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomsTest {

  /** Records, per room, every tick and which ghosts it went to. */
  static final class Recorder implements Broadcaster {
    final Map<String, List<Long>> ticks = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    public void broadcast(RoomTick tick, List<Seat> seats) {
      ticks.computeIfAbsent(tick.roomId(), k -> new CopyOnWriteArrayList<>()).add(tick.tick());
      assertThat(tick.nowMicros()).isGreaterThan(1_600_000_000_000_000L);
      for (Seat seat : seats) {
        log.add(tick.roomId() + ":" + tick.tick() + ":" + seat.ghostId());
      }
    }
  }

  static final class Player implements Occupant {
    final String name;
    volatile String ghostId;
    volatile Room room;

    Player(String name) {
      this.name = name;
    }

    @Override
    public String displayName() {
      return name;
    }

    @Override
    public void seated(Room room, String ghostId) {
      this.room = room;
      this.ghostId = ghostId;
    }
  }

  final Recorder recorder = new Recorder();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  Rooms rooms;

  @AfterEach
  void close() {
    if (rooms != null) {
      rooms.close();
    }
  }

  Rooms rooms(RoomSettings settings) {
    rooms = new Rooms(settings, recorder, Clock.systemUTC(), ServerMetrics.on(registry));
    return rooms;
  }

  @Test
  void join_createsTheRoomOnDemandAndSeatsThePlayer() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100));
    Player ann = new Player("ann");
    Room room = rooms.join("r1", ann).orElseThrow();

    await().atMost(Duration.ofSeconds(5)).until(() -> ann.ghostId != null);
    assertThat(ann.room).isSameAs(room);
    assertThat(rooms.count()).isEqualTo(1);
    assertThat(rooms.join("r1", new Player("bob"))).containsSame(room);
    assertThat(registry.get("protoshift.rooms").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void ticks_areConsecutiveFromOne() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100));
    rooms.join("r1", new Player("ann"));
    await().atMost(Duration.ofSeconds(5)).until(() -> recorder.ticks.getOrDefault("r1", List.of()).size() >= 20);
    List<Long> ticks = List.copyOf(recorder.ticks.get("r1"));
    for (int i = 0; i < ticks.size(); i++) {
      assertThat(ticks.get(i)).isEqualTo(i + 1L);
    }
  }

  @Test
  void leave_stopsBroadcastsToThatPlayer() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100));
    Player ann = new Player("ann");
    Room room = rooms.join("r1", ann).orElseThrow();
    await().atMost(Duration.ofSeconds(5)).until(() -> recorder.log.contains("r1:" + room.tick() + ":" + ann.ghostId));
    room.leave(ann);
    long leftAt = room.tick();
    await().atMost(Duration.ofSeconds(5)).until(() -> room.tick() > leftAt + 3);
    long last = recorder.log.stream().filter(l -> l.endsWith(":" + ann.ghostId))
        .mapToLong(l -> Long.parseLong(l.split(":")[1])).max().orElseThrow();
    assertThat(last).isLessThanOrEqualTo(leftAt + 1);
  }

  @Test
  void join_beyondMaxRooms_isRefused() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withMaxRooms(2));
    assertThat(rooms.join("a", new Player("1"))).isPresent();
    assertThat(rooms.join("b", new Player("2"))).isPresent();
    assertThat(rooms.join("c", new Player("3"))).isEmpty();
    assertThat(rooms.join("a", new Player("4"))).isPresent();
  }

  @Test
  void emptyRoom_isRemovedAfterTheIdleTimeout_andAJoinOpensANewOne() {
    Rooms rooms = rooms(RoomSettings.DEFAULTS.withTickRate(100).withIdleTimeout(Duration.ofMillis(100)));
    Player ann = new Player("ann");
    Room first = rooms.join("r1", ann).orElseThrow();
    await().atMost(Duration.ofSeconds(5)).until(() -> ann.ghostId != null);
    first.leave(ann);
    await().atMost(Duration.ofSeconds(5)).until(() -> rooms.count() == 0);
    assertThat(first.isClosed()).isTrue();

    Room second = rooms.join("r1", new Player("bob")).orElseThrow();
    assertThat(second).isNotSameAs(first);
  }

  @Test
  void aFailingBroadcast_doesNotStopTheRoom() {
    Broadcaster flaky = new Broadcaster() {
      int calls;

      @Override
      public void broadcast(RoomTick tick, List<Seat> seats) {
        if (++calls == 2) {
          throw new IllegalStateException("boom (expected by the test)");
        }
        recorder.broadcast(tick, seats);
      }
    };
    rooms = new Rooms(RoomSettings.DEFAULTS.withTickRate(100), flaky, Clock.systemUTC(), ServerMetrics.on(registry));
    rooms.join("r1", new Player("ann"));
    await().atMost(Duration.ofSeconds(5)).until(() -> recorder.ticks.getOrDefault("r1", List.of()).size() >= 5);
    assertThat(recorder.ticks.get("r1")).startsWith(1L, 3L, 4L);
  }

  @Test
  void requireRoomId_namesTheBadId() {
    assertThatThrownBy(() -> Rooms.requireRoomId(null)).hasMessageContaining("missing room");
    assertThatThrownBy(() -> Rooms.requireRoomId("a b")).hasMessageContaining("was \"a b\"");
    assertThatThrownBy(() -> Rooms.requireRoomId("x".repeat(65))).hasMessageContaining("1-64");
    assertThat(Rooms.requireRoomId("lobby-1.eu_west")).isEqualTo("lobby-1.eu_west");
  }
}
