package dev.protoshift.tools.loadtest;

/**
 * How the compare tool resamples: the number of bootstrap resamples, the seed that makes them
 * reproducible, and the confidence level of the intervals.
 *
 * @param resamples resamples per side, 100..1,000,000
 * @param seed seed of the random draws (same seed, same inputs: same intervals)
 * @param confidence two-sided confidence level, e.g. 0.95
 */
public record BootstrapSettings(int resamples, long seed, double confidence) {

  /** 2000 resamples, seed 42, 95% intervals. */
  public static final BootstrapSettings DEFAULTS = new BootstrapSettings(2_000, 42, 0.95);

  /**
   * @throws IllegalArgumentException naming the bad value
   */
  public BootstrapSettings {
    if (resamples < 100 || resamples > 1_000_000) {
      throw new IllegalArgumentException("resamples must be 100..1000000, was " + resamples);
    }
    if (!(confidence >= 0.5 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be at least 0.5 and below 1 (e.g. 0.95), was " + confidence);
    }
  }
}
