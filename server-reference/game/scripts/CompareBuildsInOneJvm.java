import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs the convert benchmark's per-connection and per-cohort operations ({@code
 * StateCodecBenchmark}) of two builds in one JVM, each build in its own class loader, in
 * interleaved 100 ms slices in shuffled order, and prints B / A of each operation's thread CPU
 * time per call. One JVM means one machine state for both builds; the build loaded first tends to
 * be compiled differently, so run each order ({@code ab}, {@code ba}) and compare both.
 *
 * <pre>
 * java server-reference/game/scripts/CompareBuildsInOneJvm.java \
 *     A_CLASSPATH_FILE A_PACKAGE B_CLASSPATH_FILE B_PACKAGE GHOSTS ROUNDS ab|ba
 * </pre>
 *
 * A classpath file holds one class path (the module's classes, test classes and dependencies),
 * e.g. written by {@code dependency:build-classpath}; the package is the one of the build's
 * {@code StateCodecBenchmark}.
 */
public class CompareBuildsInOneJvm {

  private static final List<String> OPERATIONS = List.of("encodeProtobuf", "cohortEncodeProtobuf",
      "cohortForRecipientProtobuf", "encodeJson", "cohortEncodeJson", "cohortForRecipientJson");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  record Op(String name, Object bench, Method method) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7 || !List.of("ab", "ba").contains(args[6])) {
      System.err.println("usage: CompareBuildsInOneJvm A_CLASSPATH_FILE A_PACKAGE B_CLASSPATH_FILE B_PACKAGE GHOSTS ROUNDS ab|ba");
      System.exit(2);
    }
    int ghosts = Integer.parseInt(args[4]);
    int rounds = Integer.parseInt(args[5]);
    List<Op> ops = new ArrayList<>();
    if (args[6].equals("ab")) {
      ops.addAll(load("A", Path.of(args[0]), args[1], ghosts));
      ops.addAll(load("B", Path.of(args[2]), args[3], ghosts));
    } else {
      ops.addAll(load("B", Path.of(args[2]), args[3], ghosts));
      ops.addAll(load("A", Path.of(args[0]), args[1], ghosts));
    }
    Map<String, long[]> totals = new TreeMap<>();
    Random random = new Random(ghosts);
    int warmUp = 3;
    for (int round = 0; round < warmUp + rounds; round++) {
      List<Op> order = new ArrayList<>(ops);
      Collections.shuffle(order, random);
      for (Op op : order) {
        long start = THREADS.getCurrentThreadCpuTime();
        long calls = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < 100_000_000L) {
          for (int i = 0; i < 10; i++) {
            op.method().invoke(op.bench());
          }
          calls += 10;
        }
        if (round >= warmUp) {
          long[] t = totals.computeIfAbsent(op.name(), k -> new long[2]);
          t[0] += THREADS.getCurrentThreadCpuTime() - start;
          t[1] += calls;
        }
      }
    }
    System.out.printf("%d ghosts, %d rounds, loaded %s first%n", ghosts, rounds, args[6].charAt(0) == 'a' ? "A" : "B");
    for (String op : OPERATIONS) {
      double a = perCall(totals.get("A " + op));
      double b = perCall(totals.get("B " + op));
      System.out.printf("%-28s A %9.2f us  B %9.2f us  B/A %.3f%n", op, a, b, b / a);
    }
  }

  private static double perCall(long[] t) {
    return t[0] / 1000.0 / t[1];
  }

  private static List<Op> load(String label, Path classpathFile, String pkg, int ghosts) throws Exception {
    URL[] urls = Arrays.stream(Files.readString(classpathFile).strip().split(":")).filter(s -> !s.isEmpty())
        .map(CompareBuildsInOneJvm::url).toArray(URL[]::new);
    ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass(pkg + ".StateCodecBenchmark");
    Object bench = type.getConstructor().newInstance();
    type.getField("ghosts").setInt(bench, ghosts);
    type.getMethod("setUp").invoke(bench);
    List<Op> ops = new ArrayList<>();
    for (String op : OPERATIONS) {
      ops.add(new Op(label + " " + op, bench, type.getMethod(op)));
    }
    return ops;
  }

  private static URL url(String path) {
    try {
      return Path.of(path).toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }
}
