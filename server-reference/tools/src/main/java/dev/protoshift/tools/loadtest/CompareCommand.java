package dev.protoshift.tools.loadtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code LoadTool compare CANDIDATE [BASELINE]}: compares two load test results (or the protobuf
 * and JSON cohorts of one), prints a table with bootstrap intervals and a verdict against the
 * rollout targets, and optionally writes a chart. Exit codes: 0 every target met, 1 a target
 * missed or not measured, 2 bad arguments or unreadable results.
 */
@Command(name = "compare", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Compare load test results: a candidate against a baseline, with bootstrap confidence",
        "intervals and a verdict against the rollout targets.", "",
        "  compare RUN.json                 protobuf cohort vs JSON cohort of one (mixed) run",
        "  compare PROTO.json JSON.json     one run against another",
        "  compare A.json#protobuf/1.1.0 B.json#json   pick cohorts with #PROTOCOL[/VERSION] or #all"},
    footer = {"", "Exit codes: 0 every target met, 1 a target missed or not measured, 2 bad arguments or input."})
public final class CompareCommand implements Callable<Integer> {

  /** Every target met. */
  public static final int EXIT_PASS = 0;
  /** A target missed or not measured. */
  public static final int EXIT_FAIL = 1;
  /** Bad arguments or unreadable results. */
  public static final int EXIT_USAGE = 2;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..2", paramLabel = "FILE[#COHORT]",
      description = "Candidate, then baseline results (one file: its protobuf vs its json cohort).")
  List<String> files;

  @Option(names = "--resamples", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int resamples = BootstrapSettings.DEFAULTS.resamples();

  @Option(names = "--seed", description = "Seed of the resampling: same seed, same intervals (default: ${DEFAULT-VALUE}).")
  long seed = BootstrapSettings.DEFAULTS.seed();

  @Option(names = "--confidence", description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
  double confidence = BootstrapSettings.DEFAULTS.confidence();

  @Option(names = "--bandwidth-reduction", paramLabel = "PERCENT",
      description = "Required bandwidth reduction of the candidate, percent (default: ${DEFAULT-VALUE}).")
  double bandwidthReductionPercent = Targets.DEFAULTS.bandwidthReduction() * 100;

  @Option(names = "--max-encode-p99", paramLabel = "MS", description = "Server encode p99 limit, ms (default: ${DEFAULT-VALUE}).")
  double maxEncodeP99Ms = Targets.DEFAULTS.maxEncodeP99Ms();

  @Option(names = "--max-decode-p99", paramLabel = "MS", description = "Decode p99 limit, ms (default: ${DEFAULT-VALUE}).")
  double maxDecodeP99Ms = Targets.DEFAULTS.maxDecodeP99Ms();

  @Option(names = "--strict", description = "Any increase in errors, gaps, repeats or disconnects misses, significant or not.")
  boolean strict;

  @Option(names = "--chart", paramLabel = "FILE", description = "Write a chart: FILE.svg (SVG) or FILE.html (chart and report).")
  Path chart;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      BootstrapSettings settings = new BootstrapSettings(resamples, seed, confidence);
      Targets targets = new Targets(bandwidthReductionPercent / 100, maxEncodeP99Ms, maxDecodeP99Ms, strict);
      if (chart != null) {
        chartFormat(chart);
      }
      Comparison comparison = Comparison.of(side(0), side(1), settings);
      Verdict verdict = targets.evaluate(comparison);
      String report = ComparisonReport.text(comparison, verdict);
      out.print(report);
      if (chart != null) {
        String content = chartFormat(chart).equals("html") ? ComparisonChart.html(comparison, targets, report)
            : ComparisonChart.svg(comparison, targets);
        Path parent = chart.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(chart, content);
        out.println("chart: " + chart);
      }
      out.flush();
      return verdict.passed() ? EXIT_PASS : EXIT_FAIL;
    } catch (IllegalArgumentException | IOException e) {
      err.println("compare: " + e.getMessage());
      err.flush();
      return EXIT_USAGE;
    }
  }

  private static String chartFormat(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".svg")) {
      return "svg";
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "html";
    }
    throw new IllegalArgumentException("--chart must end in .svg or .html, was " + file);
  }

  /** Side 0 (candidate) or 1 (baseline), resolving the default cohort choice. */
  private ComparisonSide side(int which) throws IOException {
    CohortSelector first = CohortSelector.parse(files.get(0));
    CohortSelector second = files.size() > 1 ? CohortSelector.parse(files.get(1)) : null;
    CohortSelector own = which == 0 ? first : second;
    if (second == null) {
      if (!first.unqualified()) {
        throw new IllegalArgumentException("with one results file, compare takes no #cohort: it compares its"
            + " protobuf cohort with its json cohort; give two arguments to choose, e.g. "
            + first.file() + "#protobuf/1.1.0 " + first.file() + "#json");
      }
      own = first.withProtocol(which == 0 ? "protobuf" : "json");
    } else if (own.unqualified() && sameFile(first.file(), second.file())) {
      own = own.withProtocol(which == 0 ? "protobuf" : "json");
    }
    LoadResults results = ResultsJson.read(own.file());
    List<CohortResults> cohorts = own.select(results);
    String label = own.file().getFileName() + (own.unqualified() ? "" : "#" + own.describe());
    return new ComparisonSide(label, results.run(), results.server(), cohorts);
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
