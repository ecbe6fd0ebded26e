package dev.protoshift.server.game;

import dev.protoshift.reference.game.PlayerInput;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.BiFunction;

/**
 * One room: its game, its occupants and its tick. Everything that changes the room (joins,
 * leaves, inputs, protocol switches) is posted to its mailbox and applied on the tick thread
 * at the start of the next tick, before the state is built and broadcast — so a change takes
 * effect within one tick, and the room needs no locks.
 *
 * <p>The tick number is the room's sequence number: +1 per tick, never skipped, even when a
 * tick runs late.
 */
public final class Room {

  private static final System.Logger LOG = System.getLogger(Room.class.getName());

  private final String id;
  private final GhostWorld world;
  private final Broadcaster broadcaster;
  private final Clock clock;
  private final float dtSeconds;
  private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
  private final List<Broadcaster.Seat> seats = new ArrayList<>();
  private final List<Broadcaster.Seat> seatsView = Collections.unmodifiableList(seats);
  private long tick;
  private long emptySinceNanos = -1;
  private volatile ScheduledFuture<?> schedule;
  private volatile boolean closed;

  Room(String id, GhostWorld world, Broadcaster broadcaster, Clock clock, float dtSeconds) {
    this.id = id;
    this.world = world;
    this.broadcaster = broadcaster;
    this.clock = clock;
    this.dtSeconds = dtSeconds;
  }

  public String id() {
    return id;
  }

  /** The last tick broadcast (0 before the first). */
  public long tick() {
    return tick;
  }

  /** Runs {@code task} on the tick thread at the start of the next tick. */
  public void post(Runnable task) {
    mailbox.add(task);
  }

  /** Posts a leave: the occupant's ghost is removed and it gets no further broadcast. */
  public void leave(Occupant occupant) {
    post(() -> {
      for (int i = 0; i < seats.size(); i++) {
        if (seats.get(i).occupant() == occupant) {
          world.removePlayer(seats.get(i).ghostId());
          seats.remove(i);
          return;
        }
      }
    });
  }

  /**
   * Posts an input for {@code occupant}'s ghost (the function gets the world and the ghost id);
   * a refused input is reported to {@code onError} on the tick thread. Ignored if the occupant
   * has left.
   */
  void submit(Occupant occupant, BiFunction<GhostWorld, String, Optional<InputError>> input,
      Consumer<InputError> onError) {
    post(() -> {
      for (Broadcaster.Seat seat : seats) {
        if (seat.occupant() == occupant) {
          input.apply(world, seat.ghostId()).ifPresent(onError);
          return;
        }
      }
    });
  }

  /**
   * Posts a decoded input for {@code occupant}'s ghost; a refused input (an unknown item, a bad
   * route, ...) is reported to {@code onError} on the tick thread.
   */
  public void submit(Occupant occupant, PlayerInput input, Consumer<InputError> onError) {
    submit(occupant, (world, ghostId) -> Inputs.apply(world, ghostId, input.action()), onError);
  }

  void join(Occupant occupant) {
    post(() -> {
      String ghostId = world.addPlayer(occupant.displayName());
      seats.add(new Broadcaster.Seat(occupant, ghostId));
      occupant.seated(this, ghostId);
    });
  }

  /** One tick: apply the mailbox, step the game, broadcast. Never throws. */
  void runTick() {
    if (closed) {
      return;
    }
    try {
      Runnable task;
      while ((task = mailbox.poll()) != null) {
        runSafely(task);
      }
      world.step(dtSeconds);
      tick++;
      broadcaster.broadcast(new RoomTick(id, tick, micros(clock.instant()), world), seatsView);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "room " + id + " tick " + tick + " failed; the room goes on with the next tick", e);
    }
  }

  private void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "room " + id + ": a posted task failed", e);
    }
  }

  /** True if the room has had no occupant and nothing posted for at least {@code idleNanos}. */
  boolean idleFor(long nowNanos, long idleNanos) {
    if (!seats.isEmpty() || !mailbox.isEmpty()) {
      emptySinceNanos = -1;
      return false;
    }
    if (emptySinceNanos < 0) {
      emptySinceNanos = nowNanos;
    }
    return nowNanos - emptySinceNanos >= idleNanos;
  }

  boolean hasPendingWork() {
    return !mailbox.isEmpty() || !seats.isEmpty();
  }

  void scheduled(ScheduledFuture<?> future) {
    this.schedule = future;
  }

  void close() {
    closed = true;
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  boolean isClosed() {
    return closed;
  }

  int occupants() {
    return seats.size();
  }

  GhostWorld world() {
    return world;
  }

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
