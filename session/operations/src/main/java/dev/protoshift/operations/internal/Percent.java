package dev.protoshift.operations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** How the readiness report writes shares and durations: {@code 3.1%}, {@code <0.01%}, {@code 1h30m}. */
public final class Percent {

  private Percent() {}

  /** A share 0..1 as a percentage with at most two decimals; never rounded to 0% or 100% when it is not. */
  public static String format(double share) {
    if (share <= 0) {
      return "0%";
    }
    if (share >= 1) {
      return "100%";
    }
    if (share < 0.0001) {
      return "<0.01%";
    }
    if (share > 0.9999) {
      return ">99.99%";
    }
    return plain(share * 100) + "%";
  }

  /** A number with at most two decimals, trailing zeros dropped: {@code 3.1}, {@code 0.05}, {@code 100}. */
  public static String plain(double value) {
    BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
  }

  /** A share 0..1 as a JSON number of percent, two decimals ({@code 3.12}). */
  public static BigDecimal percent(double share) {
    BigDecimal d = BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /** {@code 1h}, {@code 1h30m}, {@code 90s}, {@code 250ms}. */
  public static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    StringBuilder b = new StringBuilder();
    if (h > 0) {
      b.append(h).append('h');
    }
    if (m > 0) {
      b.append(m).append('m');
    }
    if (sec > 0 || b.length() == 0) {
      b.append(sec).append('s');
    }
    return b.toString();
  }
}
