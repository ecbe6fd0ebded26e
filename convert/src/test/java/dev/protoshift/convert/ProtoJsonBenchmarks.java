package dev.protoshift.convert;

import com.google.protobuf.util.JsonFormat;
import dev.protoshift.convert.testschema.json.Arena;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ProtoJsonBenchmark} in JMH (wall clock, allocation), then the same operations
 * interleaved in CPU time ({@link CpuTimeRounds}), and prints one Markdown report with the
 * ProtoJson / JsonFormat ratios docs/benchmarks.md quotes, all from the same run.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl convert -am -Pbench-json -DskipTests verify
 * ./mvnw -B -ntp -pl convert -am -Pbench-json -DskipTests verify -Dbench.args="--quick"
 * }</pre>
 *
 * Arguments: {@code --out DIR} (report and JMH JSON), {@code --quick} (short smoke run),
 * {@code --snakes N[,N]}, {@code --rounds N} (CPU-time rounds, default 30).
 */
public final class ProtoJsonBenchmarks {

  private ProtoJsonBenchmarks() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of("target/bench");
    boolean quick = false;
    String snakes = "50";
    int rounds = 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--quick" -> quick = true;
        case "--snakes" -> snakes = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --out DIR, --quick, --snakes N[,N], --rounds N");
      }
    }
    Files.createDirectories(out);
    String loadBefore = loadAverage();
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(ProtoJsonBenchmark.class.getName() + "\\.")
        .param("snakes", snakes.split(","))
        .forks(1)
        .jvmArgsAppend("-Xms1g", "-Xmx1g")
        .warmupIterations(quick ? 1 : 5).warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 2 : 10).measurementTime(TimeValue.seconds(1))
        .addProfiler(GCProfiler.class)
        .resultFormat(ResultFormatType.JSON).result(out.resolve("jmh.json").toString())
        .build()).run();

    StringBuilder md = new StringBuilder();
    md.append("Run ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ").append(System.getProperty("java.vm.version")).append("; JMH average time, 1 fork, ")
        .append(quick ? "1 x 1 s warm-up, 2 x 1 s" : "5 x 1 s warm-up, 10 x 1 s").append(" measurement. Load average ")
        .append(loadBefore).append(" at start, ").append(loadAverage()).append(" at end.\n\n");
    Map<String, Map<Integer, Result<?>[]>> table = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      table.computeIfAbsent(name, n -> new TreeMap<>())
          .put(Integer.parseInt(r.getParams().getParam("snakes")), new Result<?>[] {r.getPrimaryResult(), alloc});
    }
    for (String size : snakes.split(",")) {
      md.append(frameSizes(Integer.parseInt(size)));
    }
    md.append("\n| benchmark | snakes | µs/op | ± (99.9%) | allocated B/op |\n|---|---|---|---|---|\n");
    table.forEach((name, bySize) -> bySize.forEach((size, r) -> md.append(String.format(Locale.ROOT,
        "| %s | %d | %.2f | %.2f | %s |%n", name, size, r[0].getScore(), r[0].getScoreError(),
        r[1] == null ? "–" : String.format(Locale.ROOT, "%.0f", r[1].getScore())))));
    md.append("\n| ratio | ");
    table.values().iterator().next().keySet().forEach(size -> md.append(size).append(" snakes | "));
    md.append("\n|---|").append("---|".repeat(table.values().iterator().next().size())).append('\n');
    ratio(md, table, "ProtoJson / JsonFormat, write (time)", "writeProtoJson", "writeJsonFormat", 0);
    ratio(md, table, "ProtoJson / JsonFormat, read (time)", "readProtoJson", "readJsonFormat", 0);
    ratio(md, table, "ProtoJson / JsonFormat, write (allocation)", "writeProtoJson", "writeJsonFormat", 1);
    ratio(md, table, "ProtoJson / JsonFormat, read (allocation)", "readProtoJson", "readJsonFormat", 1);
    ratio(md, table, "legacy options / defaults, write (time)", "writeProtoJsonLegacyOptions", "writeProtoJson", 0);
    md.append('\n').append(cpuTime(snakes, quick ? 3 : rounds));
    md.append("\nLoad average ").append(loadAverage()).append(" at the end of the CPU-time rounds.\n");
    Files.writeString(out.resolve("proto-json-bench.md"), md, StandardCharsets.UTF_8);
    System.out.println(md);
    System.out.println("report written to " + out.resolve("proto-json-bench.md"));
  }

  /** The same operations in {@link CpuTimeRounds}: interleaved, timed in CPU time. */
  private static String cpuTime(String sizes, int rounds) throws Exception {
    StringBuilder md = new StringBuilder("CPU time, interleaved (" + rounds + " rounds of 100 ms slices in shuffled "
        + "order after 5 warm-up rounds; µs per call, median / mean over the rounds):\n\n"
        + "| benchmark | snakes | median | mean |\n|---|---|---|---|\n");
    StringBuilder ratios = new StringBuilder("\n| ratio (CPU time, medians) | snakes | value |\n|---|---|---|\n");
    for (String size : sizes.split(",")) {
      ProtoJsonBenchmark bench = new ProtoJsonBenchmark();
      bench.snakes = Integer.parseInt(size);
      bench.setUp();
      Map<String, Callable<?>> operations = new LinkedHashMap<>();
      operations.put("writeProtoJson", bench::writeProtoJson);
      operations.put("writeJsonFormat", bench::writeJsonFormat);
      operations.put("writeProtoJsonLegacyOptions", bench::writeProtoJsonLegacyOptions);
      operations.put("readProtoJson", bench::readProtoJson);
      operations.put("readJsonFormat", bench::readJsonFormat);
      operations.put("floorJacksonTokens", bench::floorJacksonTokens);
      operations.put("floorParseBinary", bench::floorParseBinary);
      Map<String, double[]> figures = CpuTimeRounds.run(operations, 5, rounds, 100_000_000L);
      figures.forEach((name, perRound) -> md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f |%n", name, size,
          CpuTimeRounds.median(perRound) / 1000, CpuTimeRounds.mean(perRound) / 1000)));
      ratios.append(String.format(Locale.ROOT, "| ProtoJson / JsonFormat, write | %s | %.2f |%n", size,
          CpuTimeRounds.median(figures.get("writeProtoJson")) / CpuTimeRounds.median(figures.get("writeJsonFormat"))));
      ratios.append(String.format(Locale.ROOT, "| ProtoJson / JsonFormat, read | %s | %.2f |%n", size,
          CpuTimeRounds.median(figures.get("readProtoJson")) / CpuTimeRounds.median(figures.get("readJsonFormat"))));
      ratios.append(String.format(Locale.ROOT, "| ProtoJson read / its floor (Jackson tokens + binary parse) | %s | %.2f |%n",
          size, CpuTimeRounds.median(figures.get("readProtoJson")) / (CpuTimeRounds.median(figures.get("floorJacksonTokens"))
              + CpuTimeRounds.median(figures.get("floorParseBinary")))));
      ratios.append(String.format(Locale.ROOT, "| legacy options / defaults, write | %s | %.2f |%n", size,
          CpuTimeRounds.median(figures.get("writeProtoJsonLegacyOptions"))
              / CpuTimeRounds.median(figures.get("writeProtoJson"))));
    }
    return md.append(ratios).toString();
  }

  /** The frame's size in each form, in bytes. */
  private static String frameSizes(int snakes) throws IOException {
    Arena arena = BenchArena.arena(snakes);
    return String.format(Locale.ROOT, "Frame with %d snakes: ProtoJson %d bytes, JsonFormat (compact) %d, "
        + "ProtoJson with proto names and int64 numbers %d, binary protobuf %d.%n", snakes,
        ProtoJson.create().write(arena).length,
        JsonFormat.printer().omittingInsignificantWhitespace().print(arena).getBytes(StandardCharsets.UTF_8).length,
        ProtoJson.create(ProtoJson.Options.builder().fieldNames(ProtoJson.FieldNames.PROTO_NAME)
            .int64(ProtoJson.Int64Format.NUMBER).build()).write(arena).length,
        arena.getSerializedSize());
  }

  private static void ratio(StringBuilder md, Map<String, Map<Integer, Result<?>[]>> table, String label, String a,
      String b, int which) {
    if (!table.containsKey(a) || !table.containsKey(b)) {
      return;
    }
    md.append("| ").append(label).append(" | ");
    table.get(a).forEach((size, r) -> {
      Result<?> x = r[which];
      Result<?> y = table.get(b).get(size)[which];
      md.append(x == null || y == null ? "–" : String.format(Locale.ROOT, "%.2f", x.getScore() / y.getScore()))
          .append(" | ");
    });
    md.append('\n');
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
