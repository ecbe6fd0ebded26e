package dev.protoshift.convert;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The benchmark's operations interleaved, timed in thread CPU time: on a machine other builds are
 * loading, CPU time of interleaved slices is far less disturbed than JMH's wall clock of one
 * benchmark after the other. Each round runs every operation for a 100 ms slice in shuffled order;
 * the figure of an operation is the median of its per-slice CPU time per call.
 *
 * <p>Arguments: rounds (default 30, of which the first 5 warm up).
 */
public final class HistoryDowngradeCpuTime {

  private HistoryDowngradeCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int warmup = 5;
    HistoryDowngradeBenchmark bench = new HistoryDowngradeBenchmark();
    bench.setUp();
    Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
    ops.put("derived100", bench::derived100);
    ops.put("hand100", bench::hand100);
    ops.put("derived110", bench::derived110);
    ops.put("hand110", bench::hand110);
    ops.put("derivedLatest", bench::derivedLatest);
    ops.put("copy", bench::copy);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean memory = (com.sun.management.ThreadMXBean) cpu;
    Map<String, Double> allocated = new LinkedHashMap<>();
    Map<String, List<Double>> perCall = new LinkedHashMap<>();
    ops.keySet().forEach(name -> perCall.put(name, new ArrayList<>()));
    List<String> order = new ArrayList<>(ops.keySet());
    Random shuffle = new Random(1);
    Object sink = null;
    for (int round = 0; round < rounds; round++) {
      Collections.shuffle(order, shuffle);
      for (String name : order) {
        Supplier<Object> op = ops.get(name);
        long calls = 0;
        long bytes = memory.getCurrentThreadAllocatedBytes();
        long start = cpu.getCurrentThreadCpuTime();
        long until = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < until) {
          for (int i = 0; i < 16; i++) {
            sink = op.get();
          }
          calls += 16;
        }
        long spent = cpu.getCurrentThreadCpuTime() - start;
        allocated.put(name, (memory.getCurrentThreadAllocatedBytes() - bytes) / (double) calls);
        if (round >= warmup) {
          perCall.get(name).add(spent / 1_000.0 / calls);
        }
      }
    }
    System.out.println("CPU time per call, microseconds (median / p10 / p90 of " + (rounds - warmup)
        + " slices of 100 ms), and bytes allocated per call:");
    Map<String, Double> medians = new LinkedHashMap<>();
    perCall.forEach((name, values) -> {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      medians.put(name, sorted[sorted.length / 2]);
      System.out.printf("  %-14s %10.3f %10.3f %10.3f %10.0f B%n", name, sorted[sorted.length / 2],
          sorted[sorted.length / 10], sorted[sorted.length * 9 / 10], allocated.get(name));
    });
    System.out.printf("derived / hand, 1.0.0 view: %.2f%n", medians.get("derived100") / medians.get("hand100"));
    System.out.printf("derived / hand, 1.1.0 view: %.2f%n", medians.get("derived110") / medians.get("hand110"));
    if (sink == null) {
      throw new IllegalStateException("no operation ran");
    }
  }
}
