package dev.protoshift.operations;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ConnectionWindows} keeps its counts (docs/operations.md, "Readiness report"): it samples
 * the open sessions every {@code sampleInterval}, sums samples into buckets {@code resolution}
 * wide, and keeps buckets for {@code retention}: the longest window a readiness report or a
 * ramp gate may ask for. Memory grows with retention / resolution (1,440 buckets by default).
 *
 * @param sampleInterval time between two samples of the open sessions
 * @param resolution the width of a bucket: windows are rounded out to whole buckets
 * @param retention how long buckets are kept
 */
public record WindowSettings(Duration sampleInterval, Duration resolution, Duration retention) {

  /** A sample a second, one-minute buckets, a day kept. */
  public static final WindowSettings DEFAULTS =
      new WindowSettings(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(24));

  /** Most buckets a retention may need (a week of minutes). */
  public static final long MAX_BUCKETS = 7 * 24 * 60;

  /**
   * @throws IllegalArgumentException naming the setting whose value is wrong (the reference server
   *     takes them as {@code --readiness-sample-interval}, {@code --readiness-resolution} and {@code
   *     --readiness-retention})
   */
  public WindowSettings {
    Objects.requireNonNull(sampleInterval, "sampleInterval");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(retention, "retention");
    if (sampleInterval.toMillis() < 10 || sampleInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("the readiness sample interval must be 10ms..1m, was " + sampleInterval);
    }
    if (resolution.compareTo(sampleInterval) < 0) {
      throw new IllegalArgumentException("the readiness resolution (" + resolution.toMillis()
          + " ms) must be at least the sample interval (" + sampleInterval.toMillis() + " ms)");
    }
    if (retention.compareTo(resolution.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("the readiness retention (" + retention.toMillis()
          + " ms) must be at least two buckets of the readiness resolution (" + resolution.toMillis() + " ms)");
    }
    if (retention.toMillis() / resolution.toMillis() > MAX_BUCKETS) {
      throw new IllegalArgumentException("the readiness retention / resolution may be at most " + MAX_BUCKETS
          + " buckets, was " + retention.toMillis() / resolution.toMillis() + " (" + retention + " / " + resolution + ")");
    }
  }
}
