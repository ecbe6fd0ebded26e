package docscheck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Compares a run's outcomes with an expected list ({@code STATUS location[ detail]}, one per line). */
final class SelfTest {

  private SelfTest() {}

  static int compare(Path expected, List<Result> results, PrintStream out) throws IOException {
    List<String> want = Files.readAllLines(expected).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
    List<String> got = results.stream().map(r -> r.status() + " " + r.location() + " " + r.detail()).toList();
    boolean ok = want.size() == got.size();
    for (int i = 0; ok && i < want.size(); i++) {
      ok = got.get(i).startsWith(want.get(i));
    }
    if (ok) {
      out.println("docs-check self-test: " + got.size() + " outcomes as expected");
      return 0;
    }
    out.println("docs-check self-test: outcomes differ from " + expected);
    out.println("expected (each a prefix of the outcome):");
    want.forEach(w -> out.println("  " + w));
    out.println("got:");
    got.forEach(g -> out.println("  " + g));
    return 1;
  }
}
