package dev.protoshift.tools.loadtest;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A statistic the compare tool estimates for each side and resamples. For every one of them
 * but {@link #UPDATE_RATE}, lower is better.
 */
public enum Metric {
  BANDWIDTH("bandwidth", "B/s per connection", s -> s.bandwidth()),
  MESSAGE_SIZE("mean message size", "B", s -> s.messages() > 0 ? (double) s.bytes() / s.messages() : Double.NaN),
  /** Updates received per second per connection: equal on both sides unless one was overloaded. */
  UPDATE_RATE("update rate", "msg/s per connection", s -> s.seconds() > 0 ? s.messages() / s.seconds() : Double.NaN),
  LATENCY_P50("latency p50", "ms", s -> s.latencyP50Us() / 1_000.0),
  LATENCY_P99("latency p99", "ms", s -> s.latencyP99Us() / 1_000.0),
  DECODE_P50("client decode p50", "ms", s -> s.decodeP50Ns() / 1_000_000.0),
  DECODE_P99("client decode p99", "ms", s -> s.decodeP99Ns() / 1_000_000.0),
  DECODE_ERRORS("decode errors", "per M messages", s -> perMillion(s.decodeErrors(), s.messages())),
  GAPS("sequence gaps", "per M messages", s -> perMillion(s.gaps(), s.messages() + s.gaps())),
  REPEATS("sequence repeats", "per M messages", s -> perMillion(s.repeats(), s.messages())),
  DISCONNECTS("disconnects", "per connection-hour",
      s -> s.seconds() > 0 ? s.disconnects() * 3600.0 / s.seconds() : Double.NaN);

  private final String label;
  private final String unit;
  private final ToDoubleFunction<SamplePool.Stats> value;

  Metric(String label, String unit, ToDoubleFunction<SamplePool.Stats> value) {
    this.label = label;
    this.unit = unit;
    this.value = value;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  double of(SamplePool.Stats stats) {
    return value.applyAsDouble(stats);
  }

  /** A value of this metric for a table: a few significant digits, "n/a" when not measured. */
  public String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (this == BANDWIDTH || this == MESSAGE_SIZE) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (a >= 0.001) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return String.format(Locale.ROOT, "%.2e", v);
  }

  private static double perMillion(long events, long exposure) {
    return exposure > 0 ? events * 1e6 / exposure : (events == 0 ? 0 : Double.NaN);
  }
}
