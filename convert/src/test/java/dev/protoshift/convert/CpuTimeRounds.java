package dev.protoshift.convert;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * A second harness beside JMH for a shared, busy machine: the operations run interleaved, in
 * slices of a fixed CPU time in shuffled order, and each is timed in this thread's CPU time, so
 * other processes' load slows every operation alike and the ratios hold. Per operation it keeps
 * one figure per round (CPU nanoseconds per call, averaged over the slice).
 */
final class CpuTimeRounds {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimeRounds() {}

  /** Each operation's per-round figures, in nanoseconds of CPU time per call. */
  static Map<String, double[]> run(Map<String, Callable<?>> operations, int warmUpRounds, int rounds, long sliceNanos)
      throws Exception {
    List<String> names = new ArrayList<>(operations.keySet());
    Map<String, double[]> figures = new LinkedHashMap<>();
    names.forEach(name -> figures.put(name, new double[rounds]));
    Random order = new Random(42);
    for (int round = -warmUpRounds; round < rounds; round++) {
      Collections.shuffle(names, order);
      for (String name : names) {
        double perCall = slice(operations.get(name), sliceNanos);
        if (round >= 0) {
          figures.get(name)[round] = perCall;
        }
      }
    }
    return figures;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double slice(Callable<?> operation, long sliceNanos) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    long calls = 0;
    long elapsed;
    Object sink = null;
    do {
      for (int i = 0; i < 8; i++) {
        sink = operation.call();
      }
      calls += 8;
      elapsed = THREADS.getCurrentThreadCpuTime() - start;
    } while (elapsed < sliceNanos);
    if (sink == null) {
      throw new IllegalStateException("an operation returned null");
    }
    return (double) elapsed / calls;
  }
}
