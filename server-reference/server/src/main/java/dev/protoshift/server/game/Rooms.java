package dev.protoshift.server.game;

import dev.protoshift.server.metrics.ServerMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The server's rooms, created on demand when the first player joins and removed when they
 * have been empty for the idle timeout. Each room ticks on a shared scheduler (one thread per
 * core) at the configured rate.
 */
public final class Rooms implements AutoCloseable {

  /** Room ids: 1–64 characters of letters, digits, {@code _ - .}. */
  public static final Pattern ROOM_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final RoomSettings settings;
  private final Broadcaster broadcaster;
  private final Clock clock;
  private final ServerMetrics metrics;
  private final ScheduledThreadPoolExecutor ticker;
  private final Map<String, Room> rooms = new ConcurrentHashMap<>();

  public Rooms(RoomSettings settings, Broadcaster broadcaster, Clock clock, ServerMetrics metrics) {
    this.settings = settings;
    this.broadcaster = broadcaster;
    this.clock = clock;
    this.metrics = metrics;
    AtomicInteger n = new AtomicInteger();
    this.ticker = new ScheduledThreadPoolExecutor(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
      Thread t = new Thread(r, "protoshift-tick-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ticker.setRemoveOnCancelPolicy(true);
    metrics.roomsGauge(rooms::size);
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
   * Seats {@code occupant} in the room, creating the room if needed; the occupant's {@link
   * Occupant#seated} follows on the room's tick thread.
   *
   * @return the room, or empty if opening one more room would pass the limit
   * @throws IllegalArgumentException if the room id is invalid
   */
  public synchronized Optional<Room> join(String roomId, Occupant occupant) {
    requireRoomId(roomId);
    Room room = rooms.get(roomId);
    if (room == null) {
      if (rooms.size() >= settings.maxRooms()) {
        return Optional.empty();
      }
      room = open(roomId);
    }
    room.join(occupant);
    return Optional.of(room);
  }

  private Room open(String roomId) {
    long seed = settings.seed() ^ fnv1a(roomId);
    Room room = new Room(roomId, new GhostWorld(seed, settings.wanderers()), broadcaster, clock,
        1f / settings.tickRateHz());
    rooms.put(roomId, room);
    long period = settings.periodNanos();
    room.scheduled(ticker.scheduleAtFixedRate(() -> tick(room), period, period, TimeUnit.NANOSECONDS));
    return room;
  }

  private void tick(Room room) {
    metrics.tickTimer().record(room::runTick);
    if (room.idleFor(System.nanoTime(), settings.idleTimeout().toNanos())) {
      removeIfIdle(room);
    }
  }

  private synchronized void removeIfIdle(Room room) {
    // Joins are posted under this lock, so a join cannot slip in between this check and the removal.
    if (!room.hasPendingWork()) {
      rooms.remove(room.id(), room);
      room.close();
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
    rooms.values().forEach(Room::close);
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

}
