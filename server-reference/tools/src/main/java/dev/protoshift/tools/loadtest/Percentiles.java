package dev.protoshift.tools.loadtest;

/**
 * A distribution summary in milliseconds: how many values, their median, 99th percentile and
 * maximum. All values are NaN-free; an empty distribution has count 0 and zeros elsewhere.
 *
 * @param count values recorded
 * @param p50 median, milliseconds
 * @param p99 99th percentile, milliseconds
 * @param max largest value, milliseconds
 */
public record Percentiles(long count, double p50, double p99, double max) {

  /** No values. */
  public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0);

  /**
   * @throws IllegalArgumentException if the count is negative, a value is negative or not
   *     finite, or the percentiles are out of order
   */
  public Percentiles {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    check("p50", p50);
    check("p99", p99);
    check("max", max);
    if (p50 > p99 || p99 > max) {
      throw new IllegalArgumentException("percentiles must be ordered p50 <= p99 <= max, were "
          + p50 + ", " + p99 + ", " + max);
    }
  }

  private static void check(String name, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
  }
}
