package docscheck;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one page: its runnable blocks in page order, in one bash process of its own process group,
 * in a scratch copy of the repository; then ends whatever the page left running and checks the
 * files it left behind.
 */
final class PageRun {

  static final int TAIL = 40;
  static final int ERRORS = 15;
  static final Pattern ERROR = Pattern.compile("Exception|\\[ERROR]|\\bERROR\\b|error:|FAILED|FAILURE");

  private final Path root;
  private final Path work;
  private final long blockTimeoutMillis;
  private final boolean keep;
  private final PrintStream out;

  PageRun(Path root, Path work, long blockTimeoutSeconds, boolean keep, PrintStream out) {
    this.root = root;
    this.work = work;
    this.blockTimeoutMillis = blockTimeoutSeconds * 1000;
    this.keep = keep;
    this.out = out;
  }

  List<Result> run(Page page, int pageNumber) throws IOException, InterruptedException {
    Result[] results = new Result[page.blocks.size()];
    List<Block> toRun = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < page.blocks.size(); i++) {
      Block b = page.blocks.get(i);
      if (b.skipReason().isPresent()) {
        results[i] = new Result(b.location(), Result.Status.SKIP, 0, b.skipReason().get());
      } else if (b.neededTool().isPresent() && !onPath(b.neededTool().get())) {
        results[i] = new Result(b.location(), Result.Status.SKIP, 0, "needs " + b.neededTool().get() + ", not on the PATH");
      } else {
        toRun.add(b);
        numbers.add(i);
      }
    }
    List<Result> extra = new ArrayList<>();
    Path log = work.resolve(pageNumber + "-" + page.name.replace('/', '_')).resolve("page.log");
    if (!toRun.isEmpty()) {
      out.printf("docs-check: %s: running %d block(s) in a scratch copy%n", page.name, toRun.size());
      Path dir = Files.createDirectories(work.resolve(pageNumber + "-" + page.name.replace('/', '_')));
      Path status = Files.createFile(dir.resolve("status"));
      Path script = dir.resolve("page.sh");
      PageScript ps = PageScript.of(toRun, numbers, status, dir);
      Files.writeString(script, ps.text);
      Path scratch = Scratch.create(root, work);
      try {
        execute(page, ps, script, status, log, scratch, results, extra);
      } finally {
        if (!keep) {
          Scratch.delete(scratch);
        }
      }
    }
    List<Result> all = new ArrayList<>(List.of(results));
    all.addAll(extra);
    all.forEach(r -> out.println(r.line()));
    if (all.stream().anyMatch(r -> r.status() == Result.Status.FAIL)) {
      printOutput(page, Files.readAllLines(log));
    }
    return all;
  }

  /** The first error lines before the tail (a Maven build's cause is far above its end), then the tail. */
  private void printOutput(Page page, List<String> lines) {
    int tail = Math.max(0, lines.size() - TAIL);
    List<String> errors = lines.subList(0, tail).stream().filter(l -> ERROR.matcher(l).find()).limit(ERRORS).toList();
    if (!errors.isEmpty()) {
      out.printf("---- %s: the first error lines of its output ----%n", page.name);
      errors.forEach(l -> out.println("  | " + l));
    }
    out.printf("---- %s: the last %d lines of its output ----%n", page.name, lines.size() - tail);
    lines.subList(tail, lines.size()).forEach(l -> out.println("  | " + l));
    out.println("----");
  }

  private void execute(Page page, PageScript ps, Path script, Path status, Path log, Path scratch,
      Result[] results, List<Result> extra) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("setsid", "bash", script.toString()).directory(scratch.toFile())
        .redirectInput(new File("/dev/null")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long pgid = p.pid();
    running = pgid;
    String timedOut = null;
    while (!p.waitFor(250, TimeUnit.MILLISECONDS)) {
      Status s = Status.read(status);
      if (s.running >= 0 && System.currentTimeMillis() - s.begin.get(s.running) > blockTimeoutMillis) {
        timedOut = "timed out after " + blockTimeoutMillis / 1000 + " s";
        break;
      }
    }
    endGroup(pgid);
    p.waitFor();
    running = 0;
    Status s = Status.read(status);
    Map<Integer, String> shellErrors = shellErrors(page, ps, script, log);
    for (Map.Entry<Integer, Long> begun : s.begin.entrySet()) {
      int n = begun.getKey();
      Block b = page.blocks.get(n);
      Long end = s.end.get(n);
      long millis = (end != null ? end : System.currentTimeMillis()) - begun.getValue();
      String detail;
      if (end == null && n == s.running && timedOut != null) {
        detail = timedOut;
      } else if (end == null) {
        detail = s.errLine.containsKey(n)
            ? failedLine(page, ps, s.errLine.get(n), s.errStatus.get(n))
            : "the page's shell exited with status " + p.exitValue() + " in this block";
      } else if (s.endStatus.get(n) != 0) {
        detail = "its last command exited with status " + s.endStatus.get(n);
      } else if (shellErrors.containsKey(n)) {
        detail = shellErrors.get(n);
      } else {
        results[n] = new Result(b.location(), Result.Status.PASS, millis, b.background().isPresent() ? "(background)" : "");
        continue;
      }
      if (shellErrors.containsKey(n) && !detail.equals(shellErrors.get(n))) {
        detail += "; " + shellErrors.get(n);
      }
      results[n] = new Result(b.location(), Result.Status.FAIL, millis, detail);
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        results[i] = new Result(page.blocks.get(i).location(), Result.Status.NOT_RUN, 0, "an earlier block of the page failed");
      }
    }
    List<String> changes = Scratch.changes(scratch);
    if (!changes.isEmpty()) {
      extra.add(new Result(page.name, Result.Status.FAIL, 0,
          "the page's commands left files in the repository (write them under target/ or ignore them): "
              + String.join(", ", changes.stream().map(String::strip).toList())));
    }
  }

  private static String failedLine(Page page, PageScript ps, int scriptLine, int status) {
    PageScript.Span span = ps.spanOf(scriptLine);
    if (span == null) {
      return "its env marker or its readiness wait failed (exit status " + status + ")";
    }
    int pageLine = page.blocks.get(span.block()).pageLine(scriptLine - span.firstScriptLine());
    return page.name + ":" + pageLine + " failed with exit status " + status;
  }

  /** Bash's own error messages ("page.sh: line 12: TOKEN_FILE: unbound variable"), by block, with the page line. */
  private static Map<Integer, String> shellErrors(Page page, PageScript ps, Path script, Path log) throws IOException {
    Pattern error = Pattern.compile("^" + Pattern.quote(script.toString()) + ": line (\\d+): (.*)$");
    Map<Integer, String> errors = new HashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = error.matcher(line);
      PageScript.Span span = m.matches() ? ps.spanOf(Integer.parseInt(m.group(1))) : null;
      if (span != null) {
        Block b = page.blocks.get(span.block());
        int pageLine = b.pageLine(Integer.parseInt(m.group(1)) - span.firstScriptLine());
        errors.merge(span.block(), page.name + ":" + pageLine + ": " + m.group(2), (a, c) -> a + "; " + c);
      }
    }
    return errors;
  }

  /** The process group of the page running now (0: none), ended by {@link #endRunning} if the check is stopped. */
  private static volatile long running;

  /** Ends the running page's process group: for a shutdown hook, when the check itself is stopped. */
  static void endRunning() {
    long pgid = running;
    if (pgid != 0) {
      try {
        endGroup(pgid);
      } catch (IOException | InterruptedException e) {
        System.err.println("docs-check: could not end process group " + pgid + ": " + e);
      }
    }
  }

  /** Ends the page's process group: TERM, up to 15 s to go, then KILL. */
  private static void endGroup(long pgid) throws IOException, InterruptedException {
    if (!signal("-0", pgid)) {
      return;
    }
    signal("-TERM", pgid);
    for (int i = 0; i < 60 && signal("-0", pgid); i++) {
      Thread.sleep(250);
    }
    signal("-KILL", pgid);
  }

  private static boolean signal(String signal, long pgid) throws IOException, InterruptedException {
    Process k = new ProcessBuilder("kill", signal, "--", "-" + pgid).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return k.waitFor() == 0;
  }

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** The status file the page's script writes. */
  private static final class Status {
    final Map<Integer, Long> begin = new java.util.TreeMap<>();
    final Map<Integer, Long> end = new HashMap<>();
    final Map<Integer, Integer> endStatus = new HashMap<>();
    final Map<Integer, Integer> errLine = new HashMap<>();
    final Map<Integer, Integer> errStatus = new HashMap<>();
    int running = -1;

    static Status read(Path file) throws IOException {
      Status s = new Status();
      int errScriptLine = -1;
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "begin" -> {
            s.running = Integer.parseInt(f[1]);
            s.begin.put(s.running, Long.parseLong(f[2]));
          }
          case "end" -> {
            int n = Integer.parseInt(f[1]);
            s.endStatus.put(n, Integer.parseInt(f[2]));
            s.end.put(n, Long.parseLong(f[3]));
            s.running = -1;
          }
          case "err" -> {
            if (s.running >= 0) {
              s.errLine.put(s.running, Integer.parseInt(f[1]));
              s.errStatus.put(s.running, Integer.parseInt(f[2]));
            }
          }
          default -> throw new IOException("unexpected status line in " + file + ": " + line);
        }
      }
      return s;
    }
  }
}
