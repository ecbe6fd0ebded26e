package dev.protoshift.operations.internal;

import java.math.BigDecimal;

/** How the ramp writes percentages and rates in logs, events and the admin API. */
public final class RampText {

  private RampText() {}

  /** Basis points as a percentage: {@code 25}, {@code 12.5}. */
  public static BigDecimal percent(int basisPoints) {
    BigDecimal p = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
    return p.scale() < 0 ? p.setScale(0) : p;
  }

  /** {@code 25%}. */
  public static String pct(int basisPoints) {
    return percent(basisPoints).toPlainString() + "%";
  }

  /** A rate with four significant digits: {@code 0.0012}, {@code 3.5}. */
  public static String number(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return Double.isFinite(v) ? "0" : String.valueOf(v);
    }
    return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
