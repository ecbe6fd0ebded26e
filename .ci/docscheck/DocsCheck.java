package docscheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * docs-check: runs the shell blocks of README.md and docs/*.md as a reader would, page by page, each
 * page in a scratch copy of the repository, and fails on the first command of a page that fails.
 * Usage and markers: docs/contributing.md, "Docs check". Run through {@code .ci/docs-check}.
 */
public final class DocsCheck {

  private DocsCheck() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(".");
    boolean list = false;
    boolean keep = false;
    long blockTimeout = 900;
    Path expect = null;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--root" -> root = Path.of(value(args, ++i, "--root"));
        case "--list" -> list = true;
        case "--keep" -> keep = true;
        case "--block-timeout" -> blockTimeout = Long.parseLong(value(args, ++i, "--block-timeout"));
        case "--expect" -> expect = Path.of(value(args, ++i, "--expect"));
        case "-h", "--help" -> {
          System.out.println("usage: .ci/docs-check [--list] [--keep] [--block-timeout SECONDS] [PAGE.md ...]");
          System.out.println("  runs the bash blocks of the pages (default: README.md docs/*.md); see docs/contributing.md");
          return;
        }
        default -> {
          if (args[i].startsWith("-")) {
            usage("unknown option " + args[i]);
          }
          names.add(args[i]);
        }
      }
    }
    root = root.toAbsolutePath().normalize();
    if (names.isEmpty()) {
      names = defaultPages(root);
    }
    List<Page> pages = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      Path file = root.resolve(name).normalize();
      if (!Files.isRegularFile(file) || !file.startsWith(root)) {
        usage("no page " + name + " under " + root);
      }
      Page page = Page.parse(root.relativize(file).toString(), Files.readAllLines(file));
      pages.add(page);
      problems.addAll(page.problems);
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.out.println("docs-check: " + p));
      System.out.println("docs-check: " + problems.size() + " problem(s) in the pages' blocks or markers; nothing was run");
      System.exit(2);
    }
    if (list) {
      list(pages);
      return;
    }
    System.exit(run(root, pages, blockTimeout, keep, expect, System.out));
  }

  private static int run(Path root, List<Page> pages, long blockTimeout, boolean keep, Path expect, PrintStream out)
      throws IOException, InterruptedException {
    long start = System.currentTimeMillis();
    Path work = Files.createTempDirectory("docs-check-");
    List<Result> results = new ArrayList<>();
    Thread cleanup = new Thread(() -> {
      PageRun.endRunning();
      try {
        Scratch.delete(work);
      } catch (IOException | InterruptedException e) {
        System.err.println("docs-check: could not delete " + work + ": " + e);
      }
    });
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      PageRun runner = new PageRun(root, work, blockTimeout, keep, out);
      for (int i = 0; i < pages.size(); i++) {
        results.addAll(runner.run(pages.get(i), i + 1));
      }
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanup);
      if (keep) {
        out.println("docs-check: scratch copies and logs kept in " + work);
      } else {
        Scratch.delete(work);
      }
    }
    long passed = count(results, Result.Status.PASS);
    long failed = count(results, Result.Status.FAIL);
    long skipped = count(results, Result.Status.SKIP);
    long notRun = count(results, Result.Status.NOT_RUN);
    out.println();
    out.printf("docs-check: %d page(s), %d shell block(s), %.0f s%n", pages.size(),
        pages.stream().mapToInt(p -> p.blocks.size()).sum(), (System.currentTimeMillis() - start) / 1000.0);
    if (skipped > 0) {
      out.println("docs-check: skipped blocks (marked in their page, not run here):");
      results.stream().filter(r -> r.status() == Result.Status.SKIP)
          .forEach(r -> out.println("  " + r.location() + "  " + r.detail()));
    }
    if (failed + notRun > 0) {
      out.println("docs-check: failed:");
      results.stream().filter(r -> r.status() == Result.Status.FAIL || r.status() == Result.Status.NOT_RUN)
          .forEach(r -> out.println("  " + r.line()));
    }
    out.printf("docs-check: %d passed, %d failed, %d skipped%n", passed, failed + notRun, skipped);
    if (expect != null) {
      return SelfTest.compare(expect, results, out);
    }
    return failed + notRun > 0 ? 1 : 0;
  }

  private static void list(List<Page> pages) {
    int run = 0;
    int skip = 0;
    for (Page page : pages) {
      for (Block b : page.blocks) {
        String what = b.skipReason().map(r -> "SKIP    " + r)
            .orElse((b.background().isPresent() ? "RUN (background, ready " + b.background().get().ready() + ")" : "RUN")
                + b.neededTool().map(t -> ", needs " + t).orElse(""));
        System.out.println(b.location() + "  " + what);
        if (b.skipReason().isPresent()) {
          skip++;
        } else {
          run++;
        }
      }
    }
    System.out.printf("docs-check: %d block(s) to run, %d skipped%n", run, skip);
  }

  private static List<String> defaultPages(Path root) throws IOException {
    List<String> names = new ArrayList<>();
    if (Files.isRegularFile(root.resolve("README.md"))) {
      names.add("README.md");
    }
    Path docs = root.resolve("docs");
    if (Files.isDirectory(docs)) {
      try (Stream<Path> s = Files.list(docs)) {
        s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted()
            .forEach(p -> names.add(root.relativize(p).toString()));
      }
    }
    return names;
  }

  private static long count(List<Result> results, Result.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      usage(option + " needs a value");
    }
    return args[i];
  }

  private static void usage(String message) {
    System.err.println("docs-check: " + message + " (--help for usage)");
    System.exit(2);
  }
}
