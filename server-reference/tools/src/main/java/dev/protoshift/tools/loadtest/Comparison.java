package dev.protoshift.tools.loadtest;

import java.util.List;

/**
 * A candidate compared with a baseline (protobuf cohort against JSON cohort of one run, or one
 * run against another): every {@link Metric} with bootstrap intervals.
 *
 * @param candidate the side expected to be better (e.g. protobuf)
 * @param baseline the side it is measured against (e.g. JSON)
 * @param settings how the intervals were resampled
 * @param metrics one entry per {@link Metric}, in its order
 */
public record Comparison(ComparisonSide candidate, ComparisonSide baseline, BootstrapSettings settings,
    List<MetricComparison> metrics) {

  public Comparison {
    metrics = List.copyOf(metrics);
  }

  /**
   * Compares two sides.
   *
   * @throws IllegalArgumentException if a selected cohort has connections but no samples, or a
   *     sample's histogram cannot be decoded
   */
  public static Comparison of(ComparisonSide candidate, ComparisonSide baseline, BootstrapSettings settings) {
    SamplePool c = pool(candidate);
    SamplePool b = pool(baseline);
    return new Comparison(candidate, baseline, settings, Bootstrap.compare(c, b, settings));
  }

  private static SamplePool pool(ComparisonSide side) {
    for (CohortResults cohort : side.cohorts()) {
      if (cohort.connections() > 0 && cohort.samples().isEmpty()) {
        throw new IllegalArgumentException("cohort " + cohort.key() + " of " + side.label()
            + " has " + cohort.connections() + " connections but no per-connection samples;"
            + " the compare tool needs them (results files written by the load tool have them)");
      }
    }
    return SamplePool.of(side.samples());
  }

  /** The comparison of one metric. */
  public MetricComparison metric(Metric metric) {
    return metrics.get(metric.ordinal());
  }

  /** True if both sides come from the same run (a cohort comparison, the seed's A/B test). */
  public boolean sameRun() {
    return candidate.run().equals(baseline.run());
  }
}
