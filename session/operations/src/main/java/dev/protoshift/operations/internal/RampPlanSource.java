package dev.protoshift.operations.internal;

import dev.protoshift.operations.ConnectionWindows;
import dev.protoshift.versioning.rollout.RampPlan;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A guarded ramp's plan, from the config file's {@code protobuf_ramp:} section: read at start (an
 * invalid plan refuses the start), re-read when the file's text changes (an invalid plan is
 * refused, logged and counted, and the last good one stays). A plan is accepted only if it fits
 * the server's windowed counts and its {@code state_dir} can be created. Used by one thread.
 */
public final class RampPlanSource {

  private static final System.Logger LOG = System.getLogger(RampPlanSource.class.getName());

  /** A plan in force, with its shared directory (null for a plan that is not enabled). */
  public record Loaded(RampPlan plan, RampStore store) {}

  private final Optional<Path> file;
  private final ConnectionWindows windows;
  private final Consumer<String> changes;
  private volatile Loaded loaded = new Loaded(null, null);
  private volatile String problem;
  private String text;

  /**
   * @param changes told {@code applied} or {@code rejected} for every plan read after start
   */
  public RampPlanSource(Optional<Path> file, ConnectionWindows windows, Consumer<String> changes) {
    this.file = file;
    this.windows = windows;
    this.changes = changes;
  }

  /**
   * Reads the plan at start.
   *
   * @throws IllegalArgumentException if it is invalid or does not fit the windowed counts
   * @throws IOException if the file cannot be read or the plan's {@code state_dir} cannot be created
   */
  public void load() throws IOException {
    if (file.isPresent()) {
      String t = read(file.get());
      loaded = accept(RampPlan.parseFile(t, file.get().toString()).orElse(null));
      text = t;
    }
  }

  /** Re-reads the file if its text changed; true if the plan in force changed. */
  public boolean reload() {
    if (file.isEmpty()) {
      return false;
    }
    String t;
    try {
      t = read(file.get());
    } catch (IOException e) {
      return false; // the rollout config's own watcher reports an unreadable file; the last good plan stays
    }
    if (t.equals(text)) {
      return false;
    }
    text = t;
    try {
      RampPlan p = RampPlan.parseFile(t, file.get().toString()).orElse(null);
      problem = null;
      if (Objects.equals(p, loaded.plan())) {
        return false;
      }
      loaded = accept(p);
      changes.accept("applied");
      LOG.log(Level.INFO, "ramp: plan changed: " + (p == null ? "none" : describe(p)));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      problem = e.getMessage();
      changes.accept("rejected");
      LOG.log(Level.WARNING, "ramp: rejected the plan in " + file.get() + ", keeping the last good one: "
          + e.getMessage());
      return false;
    }
  }

  public Loaded loaded() {
    return loaded;
  }

  /** Why the last plan read was refused, or null. */
  public String problem() {
    return problem;
  }

  public boolean hasFile() {
    return file.isPresent();
  }

  private Loaded accept(RampPlan p) throws IOException {
    if (p == null || !p.enabled()) {
      return new Loaded(p, null);
    }
    long res = windows.resolutionMillis();
    if (p.gateWindow().toMillis() > windows.retentionMillis()) {
      throw new IllegalArgumentException("protobuf_ramp.gate_window (" + p.gateWindow() + ") must be at most"
          + " the readiness retention (" + Duration.ofMillis(windows.retentionMillis()) + ")");
    }
    if (p.gateWindow().toMillis() < 2 * res) {
      throw new IllegalArgumentException("protobuf_ramp.gate_window (" + p.gateWindow() + ") must be at least two"
          + " buckets of the readiness resolution (" + Duration.ofMillis(res) + ")");
    }
    RampStore store = new RampStore(p.stateDir());
    store.open();
    return new Loaded(p, store);
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
}
