package dev.protoshift.reference.game;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link StateCodecBenchmark} and prints one Markdown report: frame sizes, mean and
 * percentile times, and the ratios docs/benchmarks.md quotes, all from the same run.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl server-reference/game -am -Pbench -DskipTests verify
 * ./mvnw -B -ntp -pl server-reference/game -am -Pbench -DskipTests verify -Dbench.args="--quick --ghosts 50"
 * }</pre>
 *
 * Arguments: {@code --out DIR} (report and JMH JSON), {@code --quick} (short smoke run),
 * {@code --ghosts N[,N]}, {@code --include REGEX} (benchmark methods).
 */
public final class ConvertBenchmarks {

  private ConvertBenchmarks() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of("target/bench");
    boolean quick = false;
    String ghosts = "10,50,200";
    String include = ".*";
    String harness = "both";
    int rounds = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--quick" -> quick = true;
        case "--ghosts" -> ghosts = args[++i];
        case "--include" -> include = args[++i];
        case "--harness" -> harness = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --out DIR, --quick, --ghosts N[,N], --include REGEX, --harness jmh|cpu|both, --rounds N");
      }
    }
    if (!List.of("jmh", "cpu", "both").contains(harness)) {
      throw new IllegalArgumentException("--harness must be jmh, cpu or both, was " + harness);
    }
    Files.createDirectories(out);
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(StateCodecBenchmark.class.getName() + "\\." + include + "$")
        .param("ghosts", ghosts.split(","))
        .forks(1)
        .jvmArgsAppend("-Xms1g", "-Xmx1g")
        .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1))
        .resultFormat(ResultFormatType.JSON).result(out.resolve("jmh.json").toString());
    int measuredRounds = quick ? 2 : rounds;
    String loadBefore = loadAverage();
    Map<String, Map<Integer, Stat>> jmh = harness.equals("cpu") ? null : fromJmh(new Runner(options.build()).run());
    String loadBetween = loadAverage();
    Map<String, Map<Integer, Stat>> cpu = harness.equals("jmh") ? null : fromHarness(CpuTimeHarness.run(
        java.util.Arrays.stream(ghosts.split(",")).map(Integer::valueOf).toList(), include, measuredRounds, 100));

    StringBuilder report = new StringBuilder();
    machine(report, quick, measuredRounds, loadBefore, loadBetween, loadAverage());
    sizes(report, ghosts);
    if (jmh != null) {
      report.append("### JMH, wall-clock time (microseconds per operation)\n\n");
      times(report, jmh, false);
      ratios(report, jmh, "JMH wall-clock");
    }
    if (cpu != null) {
      report.append("### CPU time per operation, interleaved (microseconds; HdrHistogram)\n\n")
          .append("Clock overhead subtracted from each sample: ").append(CpuTimeHarness.clockOverheadNanos).append(" ns.\n\n");
      times(report, cpu, true);
      ratios(report, cpu, "CPU time");
    }
    Files.writeString(out.resolve("convert-bench.md"), report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("report written to " + out.resolve("convert-bench.md"));
  }

  /** The 1, 5 and 15 minute load averages (Linux), to show how busy the machine was. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** One benchmark's figures in microseconds (allocation in bytes per operation, -1 if not measured). */
  record Stat(double mean, double p50, double p99, double p999, long samples, long allocated, int batch) {}

  private static Map<String, Map<Integer, Stat>> fromJmh(Collection<RunResult> results) {
    Map<String, Map<Integer, Stat>> table = new TreeMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Statistics s = result.getPrimaryResult().getStatistics();
      table.computeIfAbsent(name, n -> new TreeMap<>()).put(Integer.parseInt(result.getParams().getParam("ghosts")),
          new Stat(s.getMean(), s.getPercentile(50), s.getPercentile(99), s.getPercentile(99.9), s.getN(), -1, 1));
    }
    return table;
  }

  private static Map<String, Map<Integer, Stat>> fromHarness(List<CpuTimeHarness.Result> results) {
    Map<String, Map<Integer, Stat>> table = new TreeMap<>();
    for (CpuTimeHarness.Result r : results) {
      org.HdrHistogram.Histogram h = r.cpuNanos();
      table.computeIfAbsent(r.name(), n -> new TreeMap<>()).put(r.ghosts(), new Stat(h.getMean() / 1000,
          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
          h.getTotalCount(), r.allocatedPerOp(), r.batch()));
    }
    return table;
  }

  private static void machine(StringBuilder md, boolean quick, int rounds, String loadBefore, String loadBetween, String loadAfter) {
    md.append("Run ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(", Java ").append(System.getProperty("java.vm.version")).append(" (").append(System.getProperty("java.vm.name"))
        .append("); JMH sample mode, 1 fork, ").append(quick ? "1 x 1 s warm-up, 2 x 1 s" : "3 x 1 s warm-up, 5 x 1 s")
        .append(" measurement; CPU-time harness: 3 warm-up and ").append(rounds)
        .append(" measured interleaved rounds of 100 ms slices. ")
        .append("Load average (1/5/15 min): ").append(loadBefore).append(" at start, ").append(loadBetween)
        .append(" after JMH, ").append(loadAfter).append(" at end.\n\n");
  }

  private static void sizes(StringBuilder md, String ghostCounts) {
    md.append("### Frame sizes (bytes, one recipient's StateUpdate)\n\n")
        .append("| ghosts | protobuf | JSON | protobuf / JSON | deflated protobuf | deflated JSON | deflated JSON / protobuf "
            + "| 1.0.0 view protobuf | 1.0.0 view JSON |\n|---|---|---|---|---|---|---|---|---|\n");
    for (String count : ghostCounts.split(",")) {
      StateCodecBenchmark bench = new StateCodecBenchmark();
      bench.ghosts = Integer.parseInt(count);
      bench.setUp();
      byte[][] f = bench.frames();
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f%% | %d | %d | %.2f | %d | %d |%n", count, f[0].length,
          f[1].length, 100.0 * f[0].length / f[1].length, f[2].length, f[3].length, (double) f[3].length / f[0].length,
          f[4].length, f[5].length));
    }
    md.append('\n');
  }

  private static void times(StringBuilder md, Map<String, Map<Integer, Stat>> table, boolean cpu) {
    md.append(cpu ? "| benchmark | ghosts | mean | p50 | p99 | p99.9 | samples | batch | allocated B/op |\n|---|---|---|---|---|---|---|---|---|\n"
        : "| benchmark | ghosts | mean | p50 | p99 | p99.9 | samples |\n|---|---|---|---|---|---|---|\n");
    table.forEach((name, byGhosts) -> byGhosts.forEach((ghosts, s) -> {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %d |", name, ghosts, s.mean(), s.p50(),
          s.p99(), s.p999(), s.samples()));
      md.append(cpu ? String.format(Locale.ROOT, " %d | %d |%n", s.batch(), s.allocated()) : System.lineSeparator());
    }));
    md.append('\n');
  }

  private static void ratios(StringBuilder md, Map<String, Map<Integer, Stat>> t, String what) {
    md.append("Ratios, ").append(what).append(", same run: mean / p50 / p99\n\n| ratio | ");
    List<Integer> counts = t.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    counts.forEach(c -> md.append(c).append(" ghosts | "));
    md.append("\n|---|").append("---|".repeat(counts.size())).append('\n');
    ratio(md, t, counts, "protobuf / JSON encode", "encodeProtobuf", "encodeJson");
    ratio(md, t, counts, "protobuf / JSON decode", "decodeProtobuf", "decodeJson");
    ratio(md, t, counts, "protobuf / JSON serialize only", "serializeProtobuf", "serializeJson");
    ratio(md, t, counts, "protobuf / JSON parse only", "parseProtobuf", "parseJson");
    ratio(md, t, counts, "deflated / plain JSON encode (deflate's CPU)", "encodeJsonDeflated", "encodeJson");
    ratio(md, t, counts, "deflated / plain protobuf encode", "encodeProtobufDeflated", "encodeProtobuf");
    ratio(md, t, counts, "deflated / plain JSON decode", "decodeJsonDeflated", "decodeJson");
    ratio(md, t, counts, "deflated / plain protobuf decode", "decodeProtobufDeflated", "decodeProtobuf");
    ratio(md, t, counts, "deflated protobuf / plain JSON encode", "encodeProtobufDeflated", "encodeJson");
    ratio(md, t, counts, "1.0.0 view / 1.1.0 view protobuf encode", "encodeProtobuf100View", "encodeProtobuf");
    ratio(md, t, counts, "reused builder+buffer / plain protobuf encode", "encodeProtobufReuse", "encodeProtobuf");
    ratio(md, t, counts, "cohort encode / per-connection encode, protobuf", "cohortEncodeProtobuf", "encodeProtobuf");
    ratio(md, t, counts, "forRecipient / per-connection encode, protobuf", "cohortForRecipientProtobuf", "encodeProtobuf");
    ratio(md, t, counts, "forRecipient / per-connection encode, JSON", "cohortForRecipientJson", "encodeJson");
    md.append('\n');
  }

  private static void ratio(StringBuilder md, Map<String, Map<Integer, Stat>> t, List<Integer> counts, String label,
      String numerator, String denominator) {
    if (!t.containsKey(numerator) || !t.containsKey(denominator)) {
      return;
    }
    md.append("| ").append(label).append(" | ");
    for (int count : counts) {
      Stat n = t.get(numerator).get(count);
      Stat d = t.get(denominator).get(count);
      md.append(n == null || d == null ? "–" : String.format(Locale.ROOT, "%.2f / %.2f / %.2f", n.mean() / d.mean(),
          n.p50() / d.p50(), n.p99() / d.p99())).append(" | ");
    }
    md.append('\n');
  }
}
