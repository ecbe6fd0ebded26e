package dev.protoshift.server.game;

import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.RoomState;
import dev.protoshift.server.BroadcastMode;
import dev.protoshift.session.RoomFanout;
import dev.protoshift.session.Session;
import dev.protoshift.session.Sessions;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The server's rooms. A room opens when its first player joins and closes at the first tick it
 * has none, so an empty room costs nothing. Opening rooms is budgeted per client address
 * ({@link RoomSettings#newRoomsPerMinute()}) and in total ({@link RoomSettings#maxRooms()}).
 * Rooms tick on a shared scheduler, one thread per core.
 */
public final class Rooms implements AutoCloseable {

  /** Room ids: 1–64 characters of letters, digits, {@code _ - .}. */
  public static final Pattern ROOM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** What a join came to. */
  public enum Joined {
    /** Seated in an open room, or in one opened for it. */
    SEATED,
    /** Refused: as many rooms are open as the server allows. */
    ROOMS_FULL,
    /** Refused: the client's address opened too many rooms lately. */
    ROOM_BUDGET
  }

  private final RoomSettings settings;
  private final Sessions<?> sessions;
  private final GameProtocol game;
  private final BroadcastMode mode;
  private final Clock clock;
  private final Timer tickTimer;
  private final ScheduledThreadPoolExecutor ticker;
  private final Map<String, Room> rooms = new ConcurrentHashMap<>();
  private final Map<Session, Room> seats = new ConcurrentHashMap<>();
  private final NewRoomBudget budget;

  /**
   * @param tickTimer records each tick's duration ({@code protoshift_room_tick_seconds})
   */
  public Rooms(RoomSettings settings, Sessions<?> sessions, GameProtocol game, BroadcastMode mode, Clock clock,
      Timer tickTimer) {
    this.settings = settings;
    this.sessions = sessions;
    this.game = game;
    this.mode = mode;
    this.clock = clock;
    this.tickTimer = tickTimer;
    this.budget = new NewRoomBudget(settings.newRoomsPerMinute(), System::nanoTime);
    AtomicInteger n = new AtomicInteger();
    this.ticker = new ScheduledThreadPoolExecutor(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
      Thread t = new Thread(r, "protoshift-tick-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ticker.setRemoveOnCancelPolicy(true);
  }

  /**
   * Validates a room id.
   *
   * @throws IllegalArgumentException naming the id if it is missing or not a valid room id
   */
  public static String requireRoomId(String roomId) {
    if (roomId == null || roomId.isEmpty()) {
      throw new IllegalArgumentException("missing room: connect to /ws?room=ROOM");
    }
    if (!ROOM_ID.matcher(roomId).matches()) {
      String shown = roomId.length() > 80 ? roomId.substring(0, 80) + "..." : roomId;
      throw new IllegalArgumentException("room must be 1-64 characters of A-Z a-z 0-9 _ - ., was \"" + shown + "\"");
    }
    return roomId;
  }

  /**
   * Seats {@code session} in a room, opening it if needed; the player gets a ghost at the room's
   * next tick.
   *
   * @param address the client's address, whose budget pays for a new room
   * @throws IllegalArgumentException if the room id is invalid
   */
  public synchronized Joined join(String roomId, String address, Session session, String displayName) {
    requireRoomId(roomId);
    Room room = rooms.get(roomId);
    if (room == null) {
      if (rooms.size() >= settings.maxRooms()) {
        return Joined.ROOMS_FULL;
      }
      if (!budget.tryTake(address)) {
        return Joined.ROOM_BUDGET;
      }
      room = open(roomId);
    }
    seats.put(session, room);
    room.join(session, displayName);
    return Joined.SEATED;
  }

  /** Takes the player out of its room (its connection closed). */
  public void leave(Session session) {
    Room room = seats.remove(session);
    if (room != null) {
      room.leave(session);
    }
  }

  /** The room a session plays in. */
  public Optional<Room> of(Session session) {
    return Optional.ofNullable(seats.get(session));
  }

  private Room open(String roomId) {
    long seed = settings.seed() ^ fnv1a(roomId);
    RoomFanout<RoomState> fanout = sessions.room(BroadcastEncoders.of(mode, game), "state_update");
    Room room = new Room(roomId, new GhostWorld(seed, settings.wanderers()), fanout, game, clock,
        1f / settings.tickRateHz());
    rooms.put(roomId, room);
    long period = settings.periodNanos();
    room.scheduled(ticker.scheduleAtFixedRate(() -> tick(room, fanout), period, period, TimeUnit.NANOSECONDS));
    return room;
  }

  private void tick(Room room, RoomFanout<RoomState> fanout) {
    tickTimer.record(room::runTick);
    if (room.isEmpty()) {
      closeIfEmpty(room, fanout);
    }
  }

  private synchronized void closeIfEmpty(Room room, RoomFanout<RoomState> fanout) {
    // Joins are posted under this lock, so a join cannot slip in between this check and the close.
    if (room.isEmpty() && rooms.remove(room.id(), room)) {
      room.stop();
      sessions.forget(fanout);
    }
  }

  /** The room with this id, if it is open. */
  public Optional<Room> get(String roomId) {
    return Optional.ofNullable(rooms.get(roomId));
  }

  /** Every open room (a snapshot). */
  public List<Room> all() {
    return List.copyOf(rooms.values());
  }

  public int count() {
    return rooms.size();
  }

  public RoomSettings settings() {
    return settings;
  }

  /** Stops every room's tick. */
  @Override
  public synchronized void close() {
    rooms.values().forEach(Room::stop);
    rooms.clear();
    ticker.shutdownNow();
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * New rooms per client address: a token bucket per address, {@code perMinute} tokens a minute,
   * at most {@code perMinute} saved. Addresses whose bucket is full again are forgotten, so the
   * map stays as small as the set of addresses that opened rooms in the last minute.
   */
  static final class NewRoomBudget {
    private final int perMinute;
    private final java.util.function.LongSupplier nanos;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>();

    private static final class Bucket {
      double tokens;
      long last;

      Bucket(double tokens, long last) {
        this.tokens = tokens;
        this.last = last;
      }
    }

    NewRoomBudget(int perMinute, java.util.function.LongSupplier nanos) {
      this.perMinute = perMinute;
      this.nanos = nanos;
    }

    synchronized boolean tryTake(String address) {
      long now = nanos.getAsLong();
      double perNano = perMinute / 60e9;
      buckets.values().removeIf(b -> b.tokens + (now - b.last) * perNano >= perMinute);
      Bucket b = buckets.computeIfAbsent(address == null ? "" : address, a -> new Bucket(perMinute, now));
      b.tokens = Math.min(perMinute, b.tokens + (now - b.last) * perNano);
      b.last = now;
      if (b.tokens < 1) {
        return false;
      }
      b.tokens -= 1;
      return true;
    }
  }
}
