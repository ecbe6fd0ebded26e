package dev.protoshift.server.game;

import dev.protoshift.reference.game.GameProtocol;
import dev.protoshift.reference.game.PlayerInput;
import dev.protoshift.reference.game.RoomState;
import dev.protoshift.reference.game.ServerMessage;
import dev.protoshift.session.RoomFanout;
import dev.protoshift.session.Session;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;

/**
 * One room: its game world, its players, and its tick. Joins, leaves and inputs are posted to its
 * mailbox and applied on the tick thread at the start of the next tick, then the world steps and
 * the state goes to every player through the room's {@link RoomFanout} (once per cohort). The room
 * needs no locks; the tick number is +1 per tick, never skipped.
 */
public final class Room {

  private static final System.Logger LOG = System.getLogger(Room.class.getName());

  private final String id;
  private final GhostWorld world;
  private final RoomFanout<RoomState> fanout;
  private final GameProtocol game;
  private final Clock clock;
  private final float dtSeconds;
  private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
  private final Map<Session, String> players = new IdentityHashMap<>();
  private long tick;
  private volatile ScheduledFuture<?> schedule;

  Room(String id, GhostWorld world, RoomFanout<RoomState> fanout, GameProtocol game, Clock clock, float dtSeconds) {
    this.id = id;
    this.world = world;
    this.fanout = fanout;
    this.game = game;
    this.clock = clock;
    this.dtSeconds = dtSeconds;
  }

  public String id() {
    return id;
  }

  /** The last tick broadcast (0 before the first). */
  public long tick() {
    return fanout.lastTick();
  }

  /** Gives the player a ghost and seats its session from the next tick on. */
  void join(Session session, String displayName) {
    mailbox.add(() -> {
      String ghost = world.addPlayer(displayName);
      players.put(session, ghost);
      if (!fanout.add(session, ghost)) {
        players.remove(session);
        world.removePlayer(ghost); // it closed meanwhile
      }
    });
  }

  /** Removes the player's ghost; it gets no further state. */
  public void leave(Session session) {
    mailbox.add(() -> {
      String ghost = players.remove(session);
      if (ghost != null) {
        world.removePlayer(ghost);
      }
      fanout.remove(session);
    });
  }

  /** Applies a player's input at the next tick; a refused input is answered with an error. */
  public void submit(Session session, PlayerInput input) {
    mailbox.add(() -> {
      String ghost = players.get(session);
      if (ghost == null) {
        return; // left meanwhile
      }
      Inputs.apply(world, ghost, input.action()).ifPresent(error -> session.send(cohort ->
          game.encodeError(new ServerMessage.Error(error.code(), error.message()), cohort)));
    });
  }

  /** One tick: the mailbox, a game step, the broadcast. Never throws. */
  void runTick() {
    try {
      Runnable task;
      while ((task = mailbox.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "room " + id + ": a posted task failed", e);
        }
      }
      world.step(dtSeconds);
      tick++;
      fanout.broadcast(tick, Snapshots.of(world, tick, micros(clock.instant())));
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "room " + id + " tick " + tick + " failed; the room goes on with the next tick", e);
    }
  }

  /** True if the room has no player and nothing posted: it can go. */
  boolean isEmpty() {
    return players.isEmpty() && mailbox.isEmpty() && fanout.isIdle();
  }

  /** Players seated (tick thread's view). */
  int players() {
    return players.size();
  }

  void scheduled(ScheduledFuture<?> future) {
    this.schedule = future;
  }

  void stop() {
    ScheduledFuture<?> s = schedule;
    if (s != null) {
      s.cancel(false);
    }
  }

  GhostWorld world() {
    return world;
  }

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
