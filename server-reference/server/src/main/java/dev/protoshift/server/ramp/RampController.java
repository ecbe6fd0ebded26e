package dev.protoshift.server.ramp;

import dev.protoshift.server.window.ServerWindows;
import dev.protoshift.versioning.rollout.RampPlan;
import dev.protoshift.versioning.rollout.RolloutConfigHolder;
import dev.protoshift.versioning.rollout.RolloutOverrides;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a guarded ramp on one replica (docs/operations.md, "Guarded ramp"). Every {@link #TICK} it
 * (and at each evaluation's due time) re-reads the plan from the config file when the file changed (an invalid plan is refused, the
 * last good one stays) and the shared state, and applies the state's step to the rollout config's
 * {@code ramp} layer. Every evaluation interval it counts its own health since the step began,
 * writes it to the shared directory, and, holding the shared lock, lets {@link RampPolicy} decide
 * from every live replica's reports: advance, roll back, engage the kill switch, or nothing. Any
 * replica may write; all apply the one state, so the fleet does not diverge. Thread-safe.
 */
public final class RampController implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(RampController.class.getName());

  /** How often the plan and the shared state are re-read (a rollback reaches every replica within it). */
  public static final Duration TICK = Duration.ofMillis(250);
  /** Longest wait for the shared lock. */
  static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

  private final RolloutConfigHolder holder;
  private final ServerWindows windows;
  private final Optional<Path> configFile;
  private final String instance;
  private final Clock clock;
  private final RampMetrics metrics;
  private final Consumer<String> configChanges;
  private final ScheduledThreadPoolExecutor timer;
  private volatile RampPlan plan;
  private volatile RampStore store;
  private volatile String planText;
  private volatile String planProblem;
  private volatile String stateProblem;
  private volatile RampState state;
  /** Evaluations kept for the admin API. */
  static final int EVALUATIONS = 20;

  private volatile Applied applied = new Applied(RampStatus.OFF, null, null);
  private final java.util.ArrayDeque<RampView.Evaluation> evaluations = new java.util.ArrayDeque<>();
  private volatile List<HealthReport> replicas = List.of();
  private long nextEvaluation;
  private long nextPlanRead;

  /**
   * @param configFile the rollout config file, whose {@code protobuf_ramp:} section is the plan
   * @param instance this replica's name in the shared directory and the history
   * @param configChanges told {@code applied} or {@code rejected} for every plan read after start
   */
  public RampController(RolloutConfigHolder holder, ServerWindows windows, Optional<Path> configFile, String instance,
      Clock clock, RampMetrics metrics, Consumer<String> configChanges) {
    this.holder = holder;
    this.windows = windows;
    this.configFile = configFile;
    this.instance = instance.replaceAll("[^A-Za-z0-9._-]", "_");
    this.clock = clock;
    this.metrics = metrics;
    this.configChanges = configChanges;
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "protoshift-ramp");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Reads the plan and starts. Call before the server accepts connections.
   *
   * @throws IllegalArgumentException if the plan is invalid or does not fit the windowed counts
   * @throws IOException if the config file cannot be read or the shared directory cannot be created
   */
  public void start() throws IOException {
    if (configFile.isPresent()) {
      String text = read(configFile.get());
      RampPlan p = RampPlan.parseFile(text, configFile.get().toString()).orElse(null);
      if (p != null) {
        check(p);
      }
      usePlan(p, text);
      nextPlanRead = clock.millis() + 1_000;
    }
    tick(); // the shared state's step is in force before the first connection
    schedule();
  }

  /** The next round: after {@link #TICK}, or at the next evaluation if that comes sooner. */
  private void schedule() {
    long delay;
    synchronized (this) {
      RampPlan p = plan;
      long untilEvaluation = p != null && p.enabled() ? nextEvaluation - clock.millis() : Long.MAX_VALUE;
      delay = Math.max(1, Math.min(TICK.toMillis(), untilEvaluation));
    }
    try {
      timer.schedule(() -> {
        safeTick();
        schedule();
      }, delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed
    }
  }

  /** One round: the plan, the state, an evaluation if it is due (the timer runs it). */
  public synchronized void tick() {
    long now = clock.millis();
    if (configFile.isPresent() && now >= nextPlanRead) {
      nextPlanRead = now + 1_000;
      reloadPlan();
    }
    RampPlan p = plan;
    if (p == null || !p.enabled()) {
      apply(null, p);
      return;
    }
    readState();
    if (now >= nextEvaluation) {
      nextEvaluation = now + p.evaluationInterval().toMillis();
      evaluate(p);
    }
    apply(state, p);
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "ramp: a round failed; trying again at the next", e);
    }
  }

  private void evaluate(RampPlan p) {
    Instant now = clock.instant();
    RampState s = state;
    long generation = s == null ? -1 : s.generation();
    HealthReport own = ownReport(p, s, now);
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
      record(new RampView.Evaluation(now, generation, own.protobuf(), d.why(), ownGates, d.gates()));
      LOG.log(Level.DEBUG, () -> "ramp: evaluated generation " + generation + ": " + d.why());
      d.next().ifPresent(n -> {
        RampEvent e = n.history().get(n.history().size() - 1);
        metrics.transition(e.action());
        boolean bad = e.action() == RampEvent.Action.ROLLBACK || e.action() == RampEvent.Action.KILL_SWITCH;
        LOG.log(bad ? Level.WARNING : Level.INFO, "ramp: " + e.action().code() + " " + RampText.pct(e.fromBasisPoints())
            + " -> " + RampText.pct(e.toBasisPoints()) + (n.status() == RampStatus.KILL_SWITCH ? " and enabled: false" : "")
            + " (generation " + n.generation() + "): " + e.reason());
      });
    } catch (IOException e) {
      record(new RampView.Evaluation(now, generation, own.protobuf(), "no decision: the shared state failed: "
          + e.getMessage(), ownGates, List.of()));
      problem("ramp: the shared state in " + store.dir() + " failed: " + e.getMessage());
    }
  }

  private void record(RampView.Evaluation e) {
    synchronized (evaluations) {
      evaluations.addLast(e);
      while (evaluations.size() > EVALUATIONS) {
        evaluations.removeFirst();
      }
    }
  }

  private HealthReport ownReport(RampPlan p, RampState s, Instant now) {
    long to = now.toEpochMilli();
    long res = windows.resolutionMillis();
    long from = to - p.gateWindow().toMillis();
    if (s != null) {
      long sinceBucket = Math.floorDiv(s.since().toEpochMilli() + res - 1, res) * res; // first whole bucket after it
      from = Math.max(from, sinceBucket);
    }
    HealthReport.Counts json = HealthReport.Counts.ZERO;
    HealthReport.Counts protobuf = HealthReport.Counts.ZERO;
    if (from <= to) {
      Map<String, long[]> events = windows.events(from, to);
      long[] connJson = new long[1];
      long[] connProto = new long[1];
      windows.connections(from, to).forEach((k, c) ->
          (k.protocol().equals("protobuf") ? connProto : connJson)[0] += c[ServerWindows.CONNECTION_MILLIS]);
      json = counts(events.get("json"), connJson[0]);
      protobuf = counts(events.get("protobuf"), connProto[0]);
    }
    return new HealthReport(instance, now, s == null ? -1 : s.generation(), json, protobuf);
  }

  private static HealthReport.Counts counts(long[] e, long millis) {
    return e == null ? new HealthReport.Counts(0, 0, 0, 0, millis) : new HealthReport.Counts(e[0], e[1], e[2], e[3], millis);
  }

  private void readState() {
    try {
      state = store.readState().orElse(null);
      stateProblem = null;
    } catch (IOException e) {
      problem(e.getMessage()); // keep applying the last state read
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
    RolloutOverrides overrides = s == null || status == RampStatus.OFF ? RolloutOverrides.none() : s.overrides();
    holder.setRampOverrides(overrides);
    metrics.applied(status, s == null || status == RampStatus.OFF ? 0 : s.basisPoints(), s == null ? -1 : s.step());
    LOG.log(Level.INFO, "ramp: applying " + (overrides.isEmpty() ? "nothing (" + status.code() + ")"
        : overrides + " (" + status.code() + ", generation " + generation + ")"));
    applied = new Applied(status, status == RampStatus.OFF ? null : s, clock.instant());
  }

  /** What this replica applies: its status, the state it took the step from (null for none), since when. */
  record Applied(RampStatus status, RampState state, Instant at) {
    long generation() {
      return state == null ? -1 : state.generation();
    }
  }

  private void reloadPlan() {
    String text;
    try {
      text = read(configFile.orElseThrow());
    } catch (IOException e) {
      return; // the rollout config's own watcher reports an unreadable file; the last good plan stays
    }
    if (text.equals(planText)) {
      return;
    }
    try {
      RampPlan p = RampPlan.parseFile(text, configFile.get().toString()).orElse(null);
      if (p != null) {
        check(p);
      }
      if (!Objects.equals(p, plan)) {
        usePlan(p, text);
        configChanges.accept("applied");
        LOG.log(Level.INFO, "ramp: plan changed: " + (p == null ? "none" : describe(p)));
      }
      planText = text;
      planProblem = null;
    } catch (IllegalArgumentException | IOException e) {
      planText = text;
      planProblem = e.getMessage();
      configChanges.accept("rejected");
      LOG.log(Level.WARNING, "ramp: rejected the plan in " + configFile.get() + ", keeping the last good one: "
          + e.getMessage());
    }
  }

  private void usePlan(RampPlan p, String text) throws IOException {
    if (p != null && p.enabled()) {
      RampStore s = new RampStore(p.stateDir());
      s.open();
      store = s;
    }
    plan = p;
    planText = text;
    nextEvaluation = 0;
  }

  /** The server's side of a plan: its windows must fit the windowed counts. */
  private void check(RampPlan p) {
    long res = windows.resolutionMillis();
    if (p.gateWindow().toMillis() > windows.retentionMillis()) {
      throw new IllegalArgumentException("protobuf_ramp.gate_window (" + p.gateWindow() + ") must be at most"
          + " --readiness-retention (" + Duration.ofMillis(windows.retentionMillis()) + ")");
    }
    if (p.gateWindow().toMillis() < 2 * res) {
      throw new IllegalArgumentException("protobuf_ramp.gate_window (" + p.gateWindow() + ") must be at least two"
          + " buckets of --readiness-resolution (" + Duration.ofMillis(res) + ")");
    }
  }

  private void problem(String message) {
    metrics.stateError();
    if (!message.equals(stateProblem)) {
      LOG.log(Level.WARNING, message + "; the last state read stays applied");
    }
    stateProblem = message;
  }

  private static String read(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) > 1 << 20) {
      throw new IOException(file + " is not a regular file of at most 1 MiB");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static String describe(RampPlan p) {
    return (p.enabled() ? "enabled" : "disabled") + ", start " + p.start() + ", steps "
        + p.steps().stream().map(s -> RampText.pct(s.basisPoints())).toList() + ", evaluation every "
        + p.evaluationInterval() + " over " + p.gateWindow() + ", on failure " + p.onFailure().code();
  }

  /**
   * An operator holds the ramp at its step (every replica follows).
   *
   * @throws IllegalStateException if there is no enabled plan or state, or it is not ramping
   * @throws IOException if the shared state cannot be read or written
   */
  public RampState pause() throws IOException {
    return operate(s -> RampPolicy.pause(s, clock.instant(), instance));
  }

  /**
   * An operator lets a paused or rolled-back ramp go on (every replica follows).
   *
   * @throws IllegalStateException if there is no enabled plan or state, or nothing to resume
   * @throws IOException if the shared state cannot be read or written
   */
  public RampState resume() throws IOException {
    return operate(s -> RampPolicy.resume(plan, s, clock.instant(), instance));
  }

  private interface Operation {
    RampState apply(RampState s);
  }

  private synchronized RampState operate(Operation op) throws IOException {
    RampPlan p = plan;
    if (p == null || !p.enabled()) {
      throw new IllegalStateException("no enabled protobuf_ramp plan in this server's config");
    }
    RampState next = store.locked(LOCK_TIMEOUT, () -> {
      RampState current = store.readState().orElseThrow(() ->
          new IllegalStateException("the ramp has not started yet (its start is " + p.start() + ")"));
      RampState n = op.apply(current);
      store.writeState(n);
      return n;
    });
    RampEvent e = next.history().get(next.history().size() - 1);
    metrics.transition(e.action());
    LOG.log(Level.INFO, "ramp: " + e.action().code() + " at " + RampText.pct(e.toBasisPoints()) + " (generation "
        + next.generation() + ")");
    state = next;
    apply(next, p);
    return next;
  }

  /** What the admin API shows. */
  public RampView view() {
    Applied a = applied;
    List<RampView.Evaluation> recent;
    synchronized (evaluations) {
      recent = List.copyOf(evaluations);
    }
    return new RampView(instance, plan, planProblem, state, stateProblem, a.status(), a.state(), a.at(), recent,
        replicas, configFile.isPresent());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
