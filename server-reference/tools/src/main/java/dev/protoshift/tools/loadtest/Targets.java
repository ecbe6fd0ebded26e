package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rollout's targets for a candidate against its baseline (the phase-3 plan's load test
 * criteria): bandwidth at least {@code bandwidthReduction} lower (at equal update rates: when
 * the two sides received updates at rates more than {@link #RATE_TOLERANCE} apart, one was
 * overloaded, and the bandwidth they would use at the same rate, i.e. the mean message size,
 * is compared instead, with a warning); server encode and client
 * decode p99 under their limits; no increase in decode errors, sequence gaps or repeats, or
 * disconnects (and, between two runs, failed connects).
 *
 * <p>"No increase" means: the candidate's rate is not above the baseline's, or it is above but
 * the difference is not statistically significant (then it is a warning, not a miss). With
 * {@code strict}, any increase is a miss. A target that cannot be checked because the figure
 * was not measured counts as missed: a verdict never passes on missing data.
 *
 * @param bandwidthReduction required reduction of bandwidth per connection, 0..1 (0.30 = 30% lower)
 * @param maxEncodeP99Ms the server's encode p99 must be below this, milliseconds
 * @param maxDecodeP99Ms client (and, if measured, server) decode p99 must be below this, milliseconds
 * @param strict treat any increase in errors, gaps, repeats or disconnects as a miss
 */
public record Targets(double bandwidthReduction, double maxEncodeP99Ms, double maxDecodeP99Ms, boolean strict) {

  /** Update rates further apart than this (relative) make bandwidth per connection incomparable. */
  public static final double RATE_TOLERANCE = 0.05;

  /** The plan's targets: 30% less bandwidth, encode and decode p99 under 1 ms, no increases. */
  public static final Targets DEFAULTS = new Targets(0.30, 1.0, 1.0, false);

  /**
   * @throws IllegalArgumentException naming the bad value
   */
  public Targets {
    if (!(bandwidthReduction >= -10 && bandwidthReduction < 1)) {
      throw new IllegalArgumentException("bandwidth reduction must be below 1 (100%), was " + bandwidthReduction);
    }
    if (!(maxEncodeP99Ms > 0) || !(maxDecodeP99Ms > 0)) {
      throw new IllegalArgumentException("p99 limits must be > 0 ms, were encode " + maxEncodeP99Ms
          + ", decode " + maxDecodeP99Ms);
    }
  }

  /** Checks a comparison against these targets. */
  public Verdict evaluate(Comparison comparison) {
    List<Verdict.Check> checks = new ArrayList<>();
    checks.add(bandwidth(comparison));
    updateRates(comparison).ifPresent(checks::add);
    for (String protocol : comparison.candidate().protocols()) {
      checks.add(encode(comparison.candidate(), protocol));
    }
    checks.add(clientDecode(comparison));
    for (String protocol : comparison.candidate().protocols()) {
      comparison.candidate().serverFigures().flatMap(s -> s.protocol(protocol))
          .filter(p -> p.decodes() > 0)
          .ifPresent(p -> checks.add(limit("server decode p99 (" + protocol + ") under " + ms(maxDecodeP99Ms),
              p.decodeP99Ms(), maxDecodeP99Ms)));
    }
    for (Metric m : List.of(Metric.DECODE_ERRORS, Metric.GAPS, Metric.REPEATS, Metric.DISCONNECTS)) {
      checks.add(noIncrease(comparison, m));
    }
    if (!comparison.sameRun()) {
      checks.add(connectFailures(comparison));
    }
    return new Verdict(checks);
  }

  private Verdict.Check bandwidth(Comparison c) {
    String target = String.format(Locale.ROOT, "bandwidth at least %s lower", percent(bandwidthReduction));
    boolean equalRates = !ratesDiffer(c);
    MetricComparison m = c.metric(equalRates ? Metric.BANDWIDTH : Metric.MESSAGE_SIZE);
    double ratio = m.ratioPoint();
    if (Double.isNaN(ratio)) {
      return new Verdict.Check(target, Verdict.Status.NOT_MEASURED, "no bandwidth measured on "
          + (Double.isNaN(m.candidate()) ? "the candidate" : "the baseline"));
    }
    String unit = equalRates ? " B/s per connection" : " B per update, i.e. at equal update rates";
    String detail = signedPercent(ratio - 1) + " (" + m.metric().format(m.candidate()) + " vs "
        + m.metric().format(m.baseline()) + unit
        + (m.ratio() == null ? "" : ", " + confidence(c) + " CI " + signedPercent(m.ratio().low() - 1)
            + " .. " + signedPercent(m.ratio().high() - 1))
        + (m.significant() ? "" : ", difference not significant") + ")";
    boolean met = ratio <= 1 - bandwidthReduction;
    return new Verdict.Check(target, met ? Verdict.Status.MET : Verdict.Status.MISSED, detail);
  }

  private static boolean ratesDiffer(Comparison c) {
    double r = c.metric(Metric.UPDATE_RATE).ratioPoint();
    return !Double.isNaN(r) && Math.abs(r - 1) > RATE_TOLERANCE;
  }

  /** A warning when the update rates differ: one side was overloaded, its latency and CPU figures too. */
  private static Optional<Verdict.Check> updateRates(Comparison c) {
    if (!ratesDiffer(c)) {
      return Optional.empty();
    }
    MetricComparison m = c.metric(Metric.UPDATE_RATE);
    return Optional.of(new Verdict.Check("equal update rates", Verdict.Status.WARNING,
        Metric.UPDATE_RATE.format(m.candidate()) + " vs " + Metric.UPDATE_RATE.format(m.baseline())
            + " msg/s per connection: a side was overloaded (its rooms ticked slower); bandwidth is compared"
            + " per update, and latency and CPU are not like for like"));
  }

  private Verdict.Check encode(ComparisonSide candidate, String protocol) {
    String target = "server encode p99 (" + protocol + ") under " + ms(maxEncodeP99Ms);
    if (candidate.server() == null) {
      return new Verdict.Check(target, Verdict.Status.NOT_MEASURED,
          "the run has no server figures (give the load tool --admin-url and --admin-token)");
    }
    return candidate.server().protocol(protocol).filter(p -> p.encodes() > 0)
        .map(p -> limit(target, p.encodeP99Ms(), maxEncodeP99Ms))
        .orElse(new Verdict.Check(target, Verdict.Status.NOT_MEASURED,
            "the server reported no " + protocol + " encodes in the window"));
  }

  private Verdict.Check clientDecode(Comparison c) {
    String target = "client decode p99 (" + c.candidate().protocolLabel() + ") under " + ms(maxDecodeP99Ms);
    double p99 = c.metric(Metric.DECODE_P99).candidate();
    if (Double.isNaN(p99)) {
      return new Verdict.Check(target, Verdict.Status.NOT_MEASURED, "the candidate decoded no messages");
    }
    return limit(target, p99, maxDecodeP99Ms);
  }

  private static Verdict.Check limit(String target, double valueMs, double maxMs) {
    return new Verdict.Check(target, valueMs < maxMs ? Verdict.Status.MET : Verdict.Status.MISSED,
        Metric.DECODE_P99.format(valueMs) + " ms");
  }

  private Verdict.Check noIncrease(Comparison c, Metric metric) {
    MetricComparison m = c.metric(metric);
    String target = "no increase in " + metric.label();
    if (!m.measured()) {
      return new Verdict.Check(target, Verdict.Status.NOT_MEASURED, "no " + metric.unit() + " exposure on a side");
    }
    String values = metric.format(m.candidate()) + " vs " + metric.format(m.baseline()) + " " + metric.unit();
    if (m.candidate() <= m.baseline()) {
      return new Verdict.Check(target, Verdict.Status.MET, values);
    }
    if (m.significant() || strict) {
      return new Verdict.Check(target, Verdict.Status.MISSED, values
          + (m.significant() ? " (increase is significant)" : " (increase not significant; --strict)"));
    }
    return new Verdict.Check(target, Verdict.Status.WARNING, values + " (increase not significant)");
  }

  private Verdict.Check connectFailures(Comparison c) {
    RunInfo cr = c.candidate().run();
    RunInfo br = c.baseline().run();
    double cRate = cr.connections() > 0 ? (double) cr.connectFailures() / cr.connections() : 0;
    double bRate = br.connections() > 0 ? (double) br.connectFailures() / br.connections() : 0;
    String values = cr.connectFailures() + "/" + cr.connections() + " vs " + br.connectFailures() + "/" + br.connections();
    return new Verdict.Check("no increase in failed connects", cRate <= bRate ? Verdict.Status.MET : Verdict.Status.MISSED,
        values);
  }

  private static String ms(double v) {
    return Metric.DECODE_P99.format(v) + " ms";
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  static String signedPercent(double change) {
    return String.format(Locale.ROOT, "%+.1f%%", change * 100);
  }

  private static String confidence(Comparison c) {
    return percent(c.settings().confidence());
  }
}
