package dev.protoshift.session;

import dev.protoshift.convert.Cohort;
import dev.protoshift.convert.StateEncoder;
import dev.protoshift.convert.CohortFrame;
import dev.protoshift.convert.View;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A room's members and each tick's state sent to them, for any schema: members are grouped by
 * cohort (protocol × view), the state is converted once per view and encoded once per cohort
 * (convert's {@code CohortEncoder}, a {@link StateEncoder}), and each member is offered its frame (its own, if the encoder
 * has a per-recipient step).
 *
 * <p>Ordering, which the library guarantees: {@link #add}, {@link #remove} and every protocol
 * change of a member (a hello, a config change, the decode-error budget) take effect at the start
 * of the next {@link #broadcast}, in the order they came; a change's control message is queued
 * before that tick's state. So no state is sent twice or in the wrong protocol, the {@code
 * protocol_switch} is between the last state in the old protocol and the first in the new one,
 * and a config change moves every member it concerns at the same tick. A member that keeps up
 * gets every tick; one whose transport has not finished the previous write when a newer state
 * comes skips the older one (latest state wins, counted as dropped), around a switch as at any
 * other time, so its first state after a switch may be later than the switch's {@code from_tick}.
 *
 * <p>Threads: {@link #add}, {@link #remove} and {@link #requestRedecision} are thread-safe;
 * {@link #broadcast} is called by one thread at a time (the room's tick), and a room that does not
 * broadcast costs nothing.
 *
 * @param <S> the game's state type
 */
public final class RoomFanout<S> {

  private static final System.Logger LOG = System.getLogger(RoomFanout.class.getName());

  private record Member(Session session, String recipientId) {}

  private final Sessions<?> sessions;
  private final StateEncoder<S> encoder;
  private final String stateType;
  /** Something to apply at the start of a broadcast, given that broadcast's tick. */
  @FunctionalInterface
  private interface Pending {
    void apply(long tick);
  }

  private final ConcurrentLinkedQueue<Pending> mailbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean redecide = new AtomicBoolean();
  private final List<Member> members = new ArrayList<>();
  private volatile int size;
  private volatile long lastTick;

  RoomFanout(Sessions<?> sessions, StateEncoder<S> encoder, String stateType) {
    this.sessions = sessions;
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.stateType = Objects.requireNonNull(stateType, "stateType");
  }

  /**
   * Seats {@code session} from the next broadcast on; it re-decides its protocol first (a config
   * change may have come since its handshake).
   *
   * @param recipientId the member's id in the state, for a per-recipient step (e.g. its player's
   *     entity); {@code null} for a spectator
   * @return false if the session is closing or already in another room
   */
  public boolean add(Session session, String recipientId) {
    if (!session.joining(this)) {
      return false;
    }
    mailbox.add(tick -> {
      members.removeIf(m -> m.session() == session);
      members.add(new Member(session, recipientId));
      size = members.size();
      session.seated(this, recipientId, tick);
    });
    return true;
  }

  /** Takes {@code session} out at the next broadcast (it gets no further state). */
  public void remove(Session session) {
    mailbox.add(tick -> {
      members.removeIf(m -> m.session() == session);
      size = members.size();
      session.left(this);
    });
  }

  /** Members as of the last broadcast. */
  public int size() {
    return size;
  }

  /** True if the room has no member and nothing waiting to be applied. */
  public boolean isIdle() {
    return size == 0 && mailbox.isEmpty();
  }

  /** The last tick broadcast (0 before the first). */
  public long lastTick() {
    return lastTick;
  }

  /** Has every member re-decide its protocol at the next broadcast (all at that tick). */
  public void requestRedecision() {
    redecide.set(true);
  }

  void post(Session session, SessionState.Change change) {
    mailbox.add(tick -> session.apply(change, tick));
  }

  /**
   * One tick: applies what changed since the last one (members, protocol changes), then converts
   * and encodes {@code state} once per cohort and offers each member its frame. Never throws for a
   * member's sake; an encoder failure is logged and the tick skipped for that cohort.
   *
   * @param tick the room's sequence number, +1 per broadcast (states carry it)
   * @throws IllegalArgumentException if {@code tick} is not after the last one
   */
  public void broadcast(long tick, S state) {
    if (tick <= lastTick) {
      throw new IllegalArgumentException("tick must increase: " + tick + " after " + lastTick);
    }
    Pending pending;
    while ((pending = mailbox.poll()) != null) {
      apply(pending, tick);
    }
    if (redecide.getAndSet(false)) {
      for (Member m : members) {
        apply(t -> m.session().apply(SessionState.Change.REDECIDE, t), tick);
      }
    }
    lastTick = tick;
    Map<Cohort, List<Member>> groups = new LinkedHashMap<>();
    for (Member m : members) {
      Cohort c = m.session().cohortForBroadcast();
      if (c != null) {
        groups.computeIfAbsent(c, k -> new ArrayList<>()).add(m);
      }
    }
    if (!groups.isEmpty()) {
      send(tick, state, groups);
    }
  }

  private void send(long tick, S state, Map<Cohort, List<Member>> groups) {
    SessionMetrics metrics = sessions.metrics();
    Map<View, List<Cohort>> byView = new LinkedHashMap<>();
    groups.keySet().forEach(c -> byView.computeIfAbsent(c.view(), v -> new ArrayList<>()).add(c));
    for (List<Cohort> cohorts : byView.values()) {
      Map<Cohort, CohortFrame> frames;
      long start = sessions.nanoTime();
      try {
        frames = encoder.encodeAll(state, cohorts);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "tick " + tick + ": encoding " + cohorts + " failed; those cohorts skip this tick", e);
        continue;
      }
      long perCohort = (sessions.nanoTime() - start) / cohorts.size();
      for (Cohort cohort : cohorts) {
        String protocol = cohort.protocol().code();
        String version = cohort.view().versionClass().label();
        metrics.encoded(protocol, version, stateType, perCohort);
        CohortFrame frame = frames.get(cohort);
        List<Member> group = groups.get(cohort);
        for (Member m : group) {
          byte[] bytes;
          try {
            bytes = frame.forRecipient(m.recipientId());
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tick " + tick + ": no frame for recipient " + m.recipientId() + " of " + cohort
                + ": " + e.getMessage());
            continue;
          }
          m.session().offerState(tick, bytes, frame.binary(), protocol, version);
          metrics.messageSize(protocol, version, stateType, SessionMetrics.Direction.OUT, bytes.length);
        }
        ShadowCheck shadow = sessions.shadow();
        if (shadow != null) {
          shadow.maybeCheck(tick, state, cohort, frame, group.get(0).recipientId(), encoder, metrics);
        }
      }
    }
  }

  private static void apply(Pending pending, long tick) {
    try {
      pending.apply(tick);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "a room change failed; the room goes on", e);
    }
  }
}
