package dev.protoshift.convert.game;

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
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link StateCodecBenchmark} and prints one Markdown report: frame sizes, mean and
 * percentile times, and the ratios docs/benchmarks.md quotes, all from the same run.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl convert -am -Pbench -DskipTests verify
 * ./mvnw -B -ntp -pl convert -am -Pbench -DskipTests verify -Dbench.args="--quick --ghosts 50"
 * }</pre>
 *
 * Arguments: {@code --out DIR} (report and JMH JSON), {@code --quick} (short smoke run),
 * {@code --ghosts N[,N]}, {@code --include REGEX} (benchmark methods).
 */
public final class ConvertBenchmarks {

  private ConvertBenchmarks() {}

  public static void main(String[] args) throws RunnerException, IOException {
    Path out = Path.of("target/bench");
    boolean quick = false;
    String ghosts = "10,50,200";
    String include = ".*";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--quick" -> quick = true;
        case "--ghosts" -> ghosts = args[++i];
        case "--include" -> include = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --out DIR, --quick, --ghosts N[,N], --include REGEX");
      }
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
    Collection<RunResult> results = new Runner(options.build()).run();

    StringBuilder report = new StringBuilder();
    machine(report, quick);
    sizes(report, ghosts);
    times(report, results);
    ratios(report, results);
    Files.writeString(out.resolve("convert-bench.md"), report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("report written to " + out.resolve("convert-bench.md"));
  }

  private static void machine(StringBuilder md, boolean quick) {
    md.append("Run ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(", Java ").append(System.getProperty("java.vm.version")).append(" (").append(System.getProperty("java.vm.name"))
        .append("); JMH sample mode, 1 fork, ").append(quick ? "1 x 1 s warm-up, 2 x 1 s" : "3 x 1 s warm-up, 5 x 1 s")
        .append(" measurement, heap 1 GiB.\n\n");
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

  /** Benchmark method name, then ghosts, to statistics. */
  private static Map<String, Map<Integer, Statistics>> byName(Collection<RunResult> results) {
    Map<String, Map<Integer, Statistics>> table = new TreeMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      int ghosts = Integer.parseInt(result.getParams().getParam("ghosts"));
      table.computeIfAbsent(name, n -> new TreeMap<>()).put(ghosts, result.getPrimaryResult().getStatistics());
    }
    return table;
  }

  private static void times(StringBuilder md, Collection<RunResult> results) {
    md.append("### Times (microseconds per operation)\n\n| benchmark | ghosts | mean | p50 | p99 | p99.9 | samples |\n"
        + "|---|---|---|---|---|---|---|\n");
    byName(results).forEach((name, byGhosts) -> byGhosts.forEach((ghosts, s) -> md.append(String.format(Locale.ROOT,
        "| %s | %d | %.2f | %.2f | %.2f | %.2f | %d |%n", name, ghosts, s.getMean(), s.getPercentile(50), s.getPercentile(99),
        s.getPercentile(99.9), s.getN()))));
    md.append('\n');
  }

  private static void ratios(StringBuilder md, Collection<RunResult> results) {
    Map<String, Map<Integer, Statistics>> t = byName(results);
    md.append("### Ratios (same run)\n\n| ratio | ");
    List<Integer> counts = t.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    counts.forEach(c -> md.append(c).append(" ghosts | "));
    md.append("\n|---|").append("---|".repeat(counts.size())).append('\n');
    ratio(md, t, counts, "protobuf / JSON encode, mean", "encodeProtobuf", "encodeJson", false);
    ratio(md, t, counts, "protobuf / JSON encode, p99", "encodeProtobuf", "encodeJson", true);
    ratio(md, t, counts, "protobuf / JSON decode, mean", "decodeProtobuf", "decodeJson", false);
    ratio(md, t, counts, "protobuf / JSON decode, p99", "decodeProtobuf", "decodeJson", true);
    ratio(md, t, counts, "protobuf / JSON serialize only, mean", "serializeProtobuf", "serializeJson", false);
    ratio(md, t, counts, "protobuf / JSON parse only, mean", "parseProtobuf", "parseJson", false);
    ratio(md, t, counts, "deflated / plain JSON encode, mean (deflate's CPU)", "encodeJsonDeflated", "encodeJson", false);
    ratio(md, t, counts, "deflated / plain protobuf encode, mean", "encodeProtobufDeflated", "encodeProtobuf", false);
    ratio(md, t, counts, "deflated / plain JSON decode, mean", "decodeJsonDeflated", "decodeJson", false);
    ratio(md, t, counts, "deflated protobuf / plain JSON encode, mean", "encodeProtobufDeflated", "encodeJson", false);
    ratio(md, t, counts, "1.0.0 view / 1.1.0 view protobuf encode, mean", "encodeProtobuf100View", "encodeProtobuf", false);
    ratio(md, t, counts, "reused builder+buffer / plain protobuf encode, mean", "encodeProtobufReuse", "encodeProtobuf", false);
    ratio(md, t, counts, "reused builder+buffer / plain protobuf encode, p99", "encodeProtobufReuse", "encodeProtobuf", true);
    ratio(md, t, counts, "forRecipient / per-connection encode, protobuf", "cohortForRecipientProtobuf", "encodeProtobuf", false);
    ratio(md, t, counts, "forRecipient / per-connection encode, JSON", "cohortForRecipientJson", "encodeJson", false);
    ratio(md, t, counts, "cohort encode / per-connection encode, protobuf", "cohortEncodeProtobuf", "encodeProtobuf", false);
    md.append('\n');
  }

  private static void ratio(StringBuilder md, Map<String, Map<Integer, Statistics>> t, List<Integer> counts, String label,
      String numerator, String denominator, boolean p99) {
    if (!t.containsKey(numerator) || !t.containsKey(denominator)) {
      return;
    }
    md.append("| ").append(label).append(" | ");
    for (int count : counts) {
      Statistics n = t.get(numerator).get(count);
      Statistics d = t.get(denominator).get(count);
      md.append(n == null || d == null ? "–" : String.format(Locale.ROOT, "%.2f",
          p99 ? n.getPercentile(99) / d.getPercentile(99) : n.getMean() / d.getMean())).append(" | ");
    }
    md.append('\n');
  }
}
