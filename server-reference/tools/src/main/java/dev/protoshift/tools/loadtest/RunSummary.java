package dev.protoshift.tools.loadtest;

import java.util.Locale;

/** The summary the load tool prints at the end of a run: one block per cohort, then the server. */
final class RunSummary {

  private RunSummary() {}

  static String text(LoadResults r) {
    StringBuilder out = new StringBuilder();
    RunInfo run = r.run();
    out.append(String.format(Locale.ROOT, "%n%d connections (%s, version %s) in %d rooms, %.1f s window, %d failed connects%n",
        run.connections(), run.protocol(), run.protoVersion(), run.rooms(), run.durationSeconds(), run.connectFailures()));
    for (CohortResults c : r.cohorts()) {
      out.append(String.format(Locale.ROOT,
          "  %-16s %5d conns  %,10.0f B/s/conn  latency p50 %s p99 %s max %s ms  decode p99 %s ms%n"
              + "  %-16s %,d msgs  errors %d  gaps %d  repeats %d  disconnects %d  reconnects %d%n",
          c.key(), c.connections(), c.bytesPerSecondPerConnection(), ms(c.latencyMs().p50()), ms(c.latencyMs().p99()),
          ms(c.latencyMs().max()), ms(c.decodeMs().p99()), "", c.messages(), c.decodeErrors(), c.gaps(), c.repeats(),
          c.disconnects(), c.reconnects()));
    }
    if (r.cohorts().isEmpty()) {
      out.append("  no connection received anything\n");
    }
    r.serverFigures().ifPresentOrElse(s -> {
      out.append(String.format(Locale.ROOT, "  server: %.2f cores, heap max %.0f MiB, %d GC pauses (%.0f ms), %d switches%n",
          s.cpuCoresAvg(), s.heapUsedMaxBytes() / 1048576.0, s.gcPauses(), s.gcPauseTotalMs(), s.protocolSwitches()));
      for (ServerProtocolFigures p : s.protocols()) {
        out.append(String.format(Locale.ROOT, "  server %-8s encode p50 %s p99 %s ms (%,d encodes), %,d bytes sent, %d dropped%n",
            p.protocol(), ms(p.encodeP50Ms()), ms(p.encodeP99Ms()), p.encodes(), p.bytesSent(), p.droppedUpdates()));
      }
    }, () -> out.append("  server: no figures (give --admin-url and the admin token)\n"));
    return out.toString();
  }

  /** True if nothing went wrong: no failed connects, decode errors, gaps or repeats. */
  static boolean clean(LoadResults r) {
    return r.run().connectFailures() == 0 && r.cohorts().stream()
        .allMatch(c -> c.decodeErrors() == 0 && c.gaps() == 0 && c.repeats() == 0) && !r.cohorts().isEmpty();
  }

  private static String ms(double v) {
    return Metric.LATENCY_P99.format(v);
  }
}
