package dev.protoshift.versioning.rollout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a hot-reloaded config source is being read, e.g. the YAML file: healthy while its
 * last read gave a valid config (applied, or the same as before); failing while it cannot be
 * read (deleted, not a regular file, a read that did not finish in time) or holds an invalid
 * config. A failing source keeps the last good config in force, is retried every poll
 * interval, and no longer controls anything: a kill switch set there would not apply. Export
 * it (a metric, a readiness detail) so that state is seen.
 *
 * @param source the source
 * @param healthy true if the last read gave a valid config
 * @param problem what is wrong while failing, naming the file and the problem; empty when healthy
 * @param since when the source entered this state (the first failed read, or the first good read after failures)
 * @param consecutiveFailures reads failed in a row (0 when healthy)
 */
public record ConfigSourceHealth(
    ConfigSource source, boolean healthy, Optional<String> problem, Instant since, long consecutiveFailures) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a healthy state has a problem or failures, or a failing one has none
   */
  public ConfigSourceHealth {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(since, "since");
    if (healthy != problem.isEmpty() || healthy != (consecutiveFailures == 0)) {
      throw new IllegalArgumentException("a healthy source has no problem and no failures, a failing one has both; was "
          + healthy + ", " + problem + ", " + consecutiveFailures);
    }
  }

  static ConfigSourceHealth ok(ConfigSource source, Instant since) {
    return new ConfigSourceHealth(source, true, Optional.empty(), since, 0);
  }

  /** This state after one more failed read with {@code problem}. */
  ConfigSourceHealth failed(String problem, Instant at) {
    return new ConfigSourceHealth(source, false, Optional.of(problem), healthy ? at : since, consecutiveFailures + 1);
  }

  /** One line for logs and readiness details, e.g. {@code file: failing since ...: config file ... is not a regular file}. */
  @Override
  public String toString() {
    return source + (healthy ? ": ok since " + since
        : ": failing since " + since + " (" + consecutiveFailures + " reads): " + problem.orElseThrow());
  }
}
