package dev.protoshift.tools.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The compare tool's text output: sides, metrics with intervals, counts, server figures, verdict. */
public final class ComparisonReport {

  private ComparisonReport() {}

  /** The whole report as text (lines end with {@code \n}). */
  public static String text(Comparison c, Verdict verdict) {
    StringBuilder out = new StringBuilder();
    out.append("protoshift load test comparison\n");
    side(out, "candidate", c.candidate());
    side(out, "baseline", c.baseline());
    String conf = Targets.percent(c.settings().confidence());
    out.append(String.format(Locale.ROOT, "%-10s %s bootstrap intervals over connections, %d resamples, seed %d%n",
        "intervals", conf, c.settings().resamples(), c.settings().seed()));
    if (c.candidate().connections() < Bootstrap.MIN_CONNECTIONS || c.baseline().connections() < Bootstrap.MIN_CONNECTIONS) {
      out.append("           (no intervals: a side has fewer than " + Bootstrap.MIN_CONNECTIONS + " connections)\n");
    }
    out.append('\n');
    metrics(out, c, conf);
    out.append('\n');
    counts(out, c);
    server(out, c);
    out.append('\n');
    verdict(out, verdict);
    return out.toString();
  }

  private static void side(StringBuilder out, String name, ComparisonSide s) {
    RunInfo r = s.run();
    out.append(String.format(Locale.ROOT, "%-10s %s: %s, %d connections, %.1f s window from %s (%s run of %d connections, %d rooms)%n",
        name, s.label(), s.protocolLabel(), s.connections(), r.durationSeconds(), r.startedAt(), r.protocol(),
        r.connections(), r.rooms()));
  }

  private static void metrics(StringBuilder out, Comparison c, String conf) {
    String header = "%-20s %-20s %12s %12s %9s  %-24s %s%n";
    out.append(String.format(Locale.ROOT, header, "metric", "unit", "candidate", "baseline", "change",
        conf + " CI of change", "significant"));
    for (MetricComparison m : c.metrics()) {
      Metric metric = m.metric();
      double ratio = m.ratioPoint();
      String change = Double.isNaN(ratio) ? "-" : Targets.signedPercent(ratio - 1);
      String ci;
      if (m.ratio() != null) {
        ci = Targets.signedPercent(m.ratio().low() - 1) + " .. " + Targets.signedPercent(m.ratio().high() - 1);
      } else if (m.difference() != null) {
        ci = signed(metric, m.difference().low()) + " .. " + signed(metric, m.difference().high()) + " abs";
      } else {
        ci = "n/a";
      }
      String significant = m.difference() == null ? "n/a" : (m.significant() ? "yes" : "no");
      out.append(String.format(Locale.ROOT, header, metric.label(), metric.unit(), metric.format(m.candidate()),
          metric.format(m.baseline()), change, ci, significant));
    }
  }

  private static String signed(Metric metric, double v) {
    String s = metric.format(v);
    return v > 0 ? "+" + s : s;
  }

  private static void counts(StringBuilder out, Comparison c) {
    List<CohortResults> cc = c.candidate().cohorts();
    List<CohortResults> bc = c.baseline().cohorts();
    String row = "%-20s %20s %20s%n";
    out.append(String.format(Locale.ROOT, row, "counts", "candidate", "baseline"));
    out.append(String.format(Locale.ROOT, row, "connections", c.candidate().connections(), c.baseline().connections()));
    countRow(out, row, "messages", cc, bc, CohortResults::messages);
    countRow(out, row, "bytes", cc, bc, CohortResults::bytes);
    countRow(out, row, "decode errors", cc, bc, CohortResults::decodeErrors);
    countRow(out, row, "sequence gaps", cc, bc, CohortResults::gaps);
    countRow(out, row, "sequence repeats", cc, bc, CohortResults::repeats);
    countRow(out, row, "disconnects", cc, bc, CohortResults::disconnects);
    countRow(out, row, "reconnects", cc, bc, CohortResults::reconnects);
    out.append(String.format(Locale.ROOT, row, "latency max (ms)", max(cc, r -> r.latencyMs().max()),
        max(bc, r -> r.latencyMs().max())));
    if (!c.sameRun()) {
      out.append(String.format(Locale.ROOT, row, "failed connects (run)", c.candidate().run().connectFailures(),
          c.baseline().run().connectFailures()));
    }
  }

  private static void countRow(StringBuilder out, String row, String name, List<CohortResults> a,
      List<CohortResults> b, Function<CohortResults, Long> f) {
    out.append(String.format(Locale.ROOT, row, name, String.format(Locale.ROOT, "%,d", sum(a, f)),
        String.format(Locale.ROOT, "%,d", sum(b, f))));
  }

  private static long sum(List<CohortResults> cohorts, Function<CohortResults, Long> f) {
    return cohorts.stream().mapToLong(f::apply).sum();
  }

  private static String max(List<CohortResults> cohorts, Function<CohortResults, Double> f) {
    return Metric.LATENCY_P99.format(cohorts.stream().mapToDouble(f::apply).max().orElse(Double.NaN));
  }

  private static void server(StringBuilder out, Comparison c) {
    Optional<ServerFigures> a = c.candidate().serverFigures();
    Optional<ServerFigures> b = c.baseline().serverFigures();
    if (a.isEmpty() && b.isEmpty()) {
      out.append("\nserver figures: not in the results (the load tool had no --admin-url)\n");
      return;
    }
    boolean one = c.sameRun();
    String row = one ? "%-32s %20s%n" : "%-32s %20s %20s%n";
    out.append('\n');
    List<String> header = new ArrayList<>(List.of("server (/metrics, window)"));
    header.add(one ? "run" : "candidate run");
    if (!one) {
      header.add("baseline run");
    }
    out.append(String.format(Locale.ROOT, row, header.toArray()));
    List<String> protocols = new ArrayList<>(c.candidate().protocols());
    c.baseline().protocols().stream().filter(p -> !protocols.contains(p)).forEach(protocols::add);
    for (String p : protocols) {
      serverRow(out, row, one, "encode p50 / p99 ms (" + p + ")", a, b,
          f -> f.protocol(p).filter(x -> x.encodes() > 0)
              .map(x -> fmt(x.encodeP50Ms()) + " / " + fmt(x.encodeP99Ms())).orElse("n/a"));
      serverRow(out, row, one, "decode p99 ms (" + p + ")", a, b,
          f -> f.protocol(p).filter(x -> x.decodes() > 0).map(x -> fmt(x.decodeP99Ms())).orElse("n/a"));
      serverRow(out, row, one, "bytes sent (" + p + ")", a, b,
          f -> f.protocol(p).map(x -> String.format(Locale.ROOT, "%,d", x.bytesSent())).orElse("0"));
      serverRow(out, row, one, "dropped updates (" + p + ")", a, b,
          f -> f.protocol(p).map(x -> Long.toString(x.droppedUpdates())).orElse("0"));
    }
    serverRow(out, row, one, "CPU cores used (avg)", a, b, f -> String.format(Locale.ROOT, "%.2f", f.cpuCoresAvg()));
    serverRow(out, row, one, "process CPU max (of all cores)", a, b, f -> Targets.percent(f.processCpuMax()));
    serverRow(out, row, one, "machine CPU (avg)", a, b, f -> Targets.percent(f.systemCpuAvg()));
    serverRow(out, row, one, "heap used max (MiB)", a, b,
        f -> String.format(Locale.ROOT, "%.1f", f.heapUsedMaxBytes() / 1048576.0));
    serverRow(out, row, one, "GC pauses / total ms / max ms", a, b,
        f -> f.gcPauses() + " / " + fmt(f.gcPauseTotalMs()) + " / " + fmt(f.gcPauseMaxMs()));
    serverRow(out, row, one, "protocol switches", a, b, f -> Long.toString(f.protocolSwitches()));
  }

  private static void serverRow(StringBuilder out, String row, boolean one, String name, Optional<ServerFigures> a,
      Optional<ServerFigures> b, Function<ServerFigures, String> f) {
    String av = a.map(f).orElse("n/a");
    if (one) {
      out.append(String.format(Locale.ROOT, row, name, av));
    } else {
      out.append(String.format(Locale.ROOT, row, name, av, b.map(f).orElse("n/a")));
    }
  }

  private static String fmt(double v) {
    return Metric.LATENCY_P99.format(v);
  }

  private static void verdict(StringBuilder out, Verdict verdict) {
    out.append("verdict against the rollout targets\n");
    for (Verdict.Check check : verdict.checks()) {
      out.append(String.format(Locale.ROOT, "  %-13s %s: %s%n", check.status().name().replace('_', ' '),
          check.target(), check.detail()));
    }
    List<Verdict.Check> failures = verdict.failures();
    out.append(failures.isEmpty() ? "PASS: every target met\n"
        : "FAIL: " + failures.size() + " of " + verdict.checks().size() + " targets missed or not measured\n");
  }
}
