package dev.protoshift.tools.loadtest;

/**
 * A confidence interval {@code [low, high]}.
 *
 * @param low lower bound
 * @param high upper bound
 */
public record Interval(double low, double high) {

  /**
   * @throws IllegalArgumentException if low is above high
   */
  public Interval {
    if (low > high) {
      throw new IllegalArgumentException("interval low must be <= high, was [" + low + ", " + high + "]");
    }
  }

  /** True if the interval lies entirely above or entirely below {@code value}. */
  public boolean excludes(double value) {
    return low > value || high < value;
  }
}
