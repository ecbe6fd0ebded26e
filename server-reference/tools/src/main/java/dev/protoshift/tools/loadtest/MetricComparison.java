package dev.protoshift.tools.loadtest;

/**
 * One metric of a comparison: each side's value with its confidence interval, and intervals
 * for the difference and the ratio (candidate over baseline). Intervals are null when they
 * could not be estimated (a side with fewer than two connections, or a metric with no values).
 *
 * @param metric what was measured
 * @param candidate the candidate side's value
 * @param baseline the baseline side's value
 * @param candidateInterval interval of the candidate's value
 * @param baselineInterval interval of the baseline's value
 * @param difference interval of candidate minus baseline
 * @param ratio interval of candidate over baseline (null also when the baseline can be 0)
 */
public record MetricComparison(Metric metric, double candidate, double baseline, Interval candidateInterval,
    Interval baselineInterval, Interval difference, Interval ratio) {

  /**
   * True if the difference is statistically significant: its interval excludes zero. A
   * difference that could not be estimated is never significant.
   */
  public boolean significant() {
    return difference != null && difference.excludes(0);
  }

  /** Candidate over baseline, NaN when the baseline is 0 or either is not measured. */
  public double ratioPoint() {
    return baseline > 0 ? candidate / baseline : Double.NaN;
  }

  /** True if both sides have a value. */
  public boolean measured() {
    return !Double.isNaN(candidate) && !Double.isNaN(baseline);
  }
}
