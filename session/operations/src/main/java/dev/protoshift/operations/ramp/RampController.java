package dev.protoshift.operations.ramp;

import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.operations.internal.HealthGates;
import dev.protoshift.operations.internal.RampPlanSource;
import dev.protoshift.operations.internal.RampPolicy;
import dev.protoshift.operations.internal.RampStore;
import dev.protoshift.operations.internal.RampText;
import dev.protoshift.versioning.rollout.RampPlan;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a guarded ramp on one replica (docs/operations.md, "Guarded ramp"). Every {@link #TICK}, and
 * when an evaluation is due, it re-reads the plan ({@link RampPlanSource}) and the shared state,
 * and applies the state's step to the rollout config's {@code ramp} layer. Every evaluation
 * interval it counts its own health since the step began, writes it to the shared directory, and,
 * holding the shared lock, lets {@link RampPolicy} decide from every live replica's reports:
 * advance, roll back, engage the kill switch, or nothing. Any replica may write; all apply the one
 * state, so the fleet does not diverge. Thread-safe.
 *
 * <pre>{@code
 * RolloutConfigHolder rollout = RolloutConfigHolder.builder().watchFile(configFile).build();
 * RampController ramp = new RampController(rollout, windows, Optional.of(configFile),
 *     RampController.defaultInstanceName(), Clock.systemUTC(), RampMetrics.NONE, result -> {});
 * ramp.start();   // before accepting connections: applies the shared state's step
 * ...
 * ramp.close();
 * }</pre>
 */
public final class RampController implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RampController.class.getName());

  /** How often the plan and the shared state are re-read (a change reaches every replica within it). */
  public static final Duration TICK = Duration.ofMillis(250);
  /** Longest wait for the shared lock. */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);
  /** Evaluations kept for the admin API. */
  static final int EVALUATIONS = 20;

  private final RolloutConfigHolder holder;
  private final ConnectionWindows windows;
  private final RampPlanSource plans;
  private final String instance;
  private final Clock clock;
  private final RampMetrics metrics;
  private final ScheduledThreadPoolExecutor timer;
  private final ArrayDeque<RampView.Evaluation> evaluations = new ArrayDeque<>();
  private volatile RampState state;
  private volatile String stateProblem;
  private volatile Applied applied = new Applied(RampStatus.OFF, null, null);
  private volatile List<HealthReport> replicas = List.of();
  private long nextEvaluation;
  private long nextPlanRead;

  /** What this replica applies: its status, the state it took the step from (null for none), since when. */
  record Applied(RampStatus status, RampState state, Instant at) {
    long generation() {
      return state == null ? -1 : state.generation();
    }
  }

  /**
   * A controller that does nothing until {@link #start()}.
   *
   * @param holder the rollout config whose ramp layer ({@code RolloutConfigHolder.setRampOverrides})
   *     the controller sets
   * @param windows this replica's windowed counts: the health gates' input
   * @param configFile the rollout config file, whose {@code protobuf_ramp:} section is the plan
   *     (empty: no plan, the ramp stays off)
   * @param instance this replica's name in the shared directory and the history (characters other
   *     than letters, digits, {@code .}, {@code _} and {@code -} become {@code _}), e.g. {@link
   *     #defaultInstanceName()}
   * @param clock the time plans, soaks and reports are judged by
   * @param metrics told what the ramp does ({@link RampMetrics#NONE} for nothing)
   * @param configChanges told {@code applied} or {@code rejected} for every plan read after start
   * @throws NullPointerException if an argument is null
   */
  public RampController(RolloutConfigHolder holder, ConnectionWindows windows, Optional<Path> configFile, String instance,
      Clock clock, RampMetrics metrics, Consumer<String> configChanges) {
    this.holder = Objects.requireNonNull(holder, "holder");
    this.windows = Objects.requireNonNull(windows, "windows");
    this.plans = new RampPlanSource(Objects.requireNonNull(configFile, "configFile"), windows,
        Objects.requireNonNull(configChanges, "configChanges"));
    this.instance = instance.replaceAll("[^A-Za-z0-9._-]", "_");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "protoshift-ramp");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Reads the plan, applies the shared state's step, and starts. Call before the server accepts
   * connections.
   *
   * @throws IllegalArgumentException if the plan is invalid or does not fit the windowed counts
   * @throws IOException if the config file cannot be read or the plan's {@code state_dir} cannot be created
   */
  public void start() throws IOException {
    plans.load();
    nextPlanRead = clock.millis() + 1_000;
    tick();
    schedule();
  }

  /** One round: the plan, the state, an evaluation if it is due (the timer runs it after {@link #start()}). */
  public synchronized void tick() {
    long now = clock.millis();
    if (now >= nextPlanRead) {
      nextPlanRead = now + 1_000;
      if (plans.reload()) {
        nextEvaluation = 0;
      }
    }
    RampPlanSource.Loaded loaded = plans.loaded();
    RampPlan p = loaded.plan();
    if (p == null || !p.enabled()) {
      apply(null, p);
      return;
    }
    try {
      state = loaded.store().readState().orElse(null);
      stateProblem = null;
    } catch (IOException e) {
      problem(e.getMessage()); // keep applying the last state read
    }
    if (now >= nextEvaluation) {
      nextEvaluation = now + p.evaluationInterval().toMillis();
      evaluate(p, loaded.store());
    }
    apply(state, p);
  }

  /** The next round: after {@link #TICK}, or at the next evaluation if that comes sooner. */
  private void schedule() {
    long delay;
    synchronized (this) {
      RampPlan p = plans.loaded().plan();
      long untilEvaluation = p != null && p.enabled() ? nextEvaluation - clock.millis() : Long.MAX_VALUE;
      delay = Math.max(1, Math.min(TICK.toMillis(), untilEvaluation));
    }
    try {
      timer.schedule(() -> {
        try {
          tick();
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "ramp: a round failed; trying again at the next", e);
        }
        schedule();
      }, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void evaluate(RampPlan p, RampStore store) {
    Instant now = clock.instant();
    RampState s = state;
    HealthReport own = HealthReport.counted(windows, instance, s, p.gateWindow(), now);
    List<GateResult> ownGates = HealthGates.evaluate(p.gates(), own.json(), own.protobuf());
    metrics.gates(ownGates);
    try {
      store.writeHealth(own);
      RampPolicy.Decision d = store.locked(LOCK_TIMEOUT, () -> {
        RampState current = store.readState().orElse(null);
        List<HealthReport> reports = store.readHealth(now.minus(p.evaluationInterval().multipliedBy(3)),
            now.minus(Duration.ofHours(1)).minus(p.evaluationInterval().multipliedBy(10)));
        replicas = reports;
        RampPolicy.Decision decision = RampPolicy.decide(p, current, reports, now, instance);
        if (decision.next().isPresent()) {
          store.writeState(decision.next().get());
        }
        state = decision.next().orElse(current);
        return decision;
      });
      stateProblem = null;
      record(new RampView.Evaluation(now, own.generation(), own.protobuf(), d.why(), ownGates, d.gates()));
      LOG.log(Level.DEBUG, () -> "ramp: evaluated generation " + own.generation() + ": " + d.why());
      d.next().ifPresent(this::wrote);
    } catch (IOException e) {
      record(new RampView.Evaluation(now, own.generation(), own.protobuf(), "no decision: the shared state failed: "
          + e.getMessage(), ownGates, List.of()));
      problem("ramp: the shared state in " + store.dir() + " failed: " + e.getMessage());
    }
  }

  /** Logs and counts a change this replica wrote. */
  private void wrote(RampState next) {
    RampEvent e = next.history().get(next.history().size() - 1);
    metrics.transition(e.action());
    boolean bad = e.action() == RampEvent.Action.ROLLBACK || e.action() == RampEvent.Action.KILL_SWITCH;
    LOG.log(bad ? Level.WARNING : Level.INFO, "ramp: " + e.action().code() + " " + RampText.pct(e.fromBasisPoints())
        + " -> " + RampText.pct(e.toBasisPoints()) + (next.status() == RampStatus.KILL_SWITCH ? " and enabled: false" : "")
        + " (generation " + next.generation() + "): " + e.reason());
  }

  private void record(RampView.Evaluation e) {
    synchronized (evaluations) {
      evaluations.addLast(e);
      while (evaluations.size() > EVALUATIONS) {
        evaluations.removeFirst();
      }
    }
  }

  /** Applies the state's step to the ramp layer (or clears it), once per generation. */
  private void apply(RampState s, RampPlan p) {
    RampStatus status = p == null || !p.enabled() ? RampStatus.OFF : s == null ? RampStatus.WAITING : s.status();
    long generation = s == null ? -1 : s.generation();
    Applied before = applied;
    if (status == before.status() && generation == before.generation()) {
      return;
    }
    boolean none = s == null || status == RampStatus.OFF;
    RolloutOverrides overrides = none ? RolloutOverrides.none() : s.overrides();
    holder.setRampOverrides(overrides);
    metrics.applied(status, none ? 0 : s.basisPoints(), none ? -1 : s.step());
    LOG.log(Level.INFO, "ramp: applying " + (overrides.isEmpty() ? "nothing (" + status.code() + ")"
        : overrides + " (" + status.code() + ", generation " + generation + ")"));
    applied = new Applied(status, none ? null : s, clock.instant());
  }

  private void problem(String message) {
    metrics.stateError();
    if (!message.equals(stateProblem)) {
      LOG.log(Level.WARNING, message + "; the last state read stays applied");
    }
    stateProblem = message;
  }

  /**
   * An operator holds the ramp at its step (every replica follows).
   *
   * @throws IllegalStateException if there is no enabled plan or state, or it is not ramping
   * @throws IOException if the shared state cannot be read or written
   */
  public RampState pause() throws IOException {
    return operate((p, s) -> RampPolicy.pause(s, clock.instant(), instance));
  }

  /**
   * An operator lets a paused or rolled-back ramp go on (every replica follows).
   *
   * @throws IllegalStateException if there is no enabled plan or state, or nothing to resume
   * @throws IOException if the shared state cannot be read or written
   */
  public RampState resume() throws IOException {
    return operate((p, s) -> RampPolicy.resume(p, s, clock.instant(), instance));
  }

  private interface Operation {
    RampState apply(RampPlan plan, RampState state);
  }

  private synchronized RampState operate(Operation op) throws IOException {
    RampPlanSource.Loaded loaded = plans.loaded();
    RampPlan p = loaded.plan();
    if (p == null || !p.enabled()) {
      throw new IllegalStateException("no enabled protobuf_ramp plan in this server's config");
    }
    RampState next = loaded.store().locked(LOCK_TIMEOUT, () -> {
      RampState current = loaded.store().readState().orElseThrow(() ->
          new IllegalStateException("the ramp has not started yet (its start is " + p.start() + ")"));
      RampState n = op.apply(p, current);
      loaded.store().writeState(n);
      return n;
    });
    wrote(next);
    state = next;
    apply(next, p);
    return next;
  }

  /** What this replica sees now: plan, shared state, what it applies, its last evaluations (for an admin API). */
  public RampView view() {
    Applied a = applied;
    List<RampView.Evaluation> recent;
    synchronized (evaluations) {
      recent = List.copyOf(evaluations);
    }
    return new RampView(instance, plans.loaded().plan(), plans.problem(), state, stateProblem, a.status(), a.state(),
        a.at(), recent, replicas, plans.hasFile());
  }

  /**
   * A replica's default name: host, process id and a random suffix (unique among live replicas;
   * a restarted process gets a new one, and its old health report is deleted after an hour).
   */
  public static String defaultInstanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "host";
    }
    return host + "-" + ProcessHandle.current().pid() + "-"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
  }

  /** Stops the rounds; the ramp layer stays as last applied. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
