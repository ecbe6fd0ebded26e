package dev.protoshift.reference.game;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;

/**
 * A second measurement of {@link StateCodecBenchmark}'s operations, for busy machines: each
 * operation's <em>CPU time</em> (time the measuring thread actually ran, so a thread that the
 * scheduler parks does not count) and the bytes it allocates, recorded in HdrHistogram. All
 * operations run interleaved, a slice each per round in shuffled order, so every ratio is taken
 * under the same background load; three unmeasured rounds come first, so that the JIT has
 * compiled everything. Operations under ~20 µs are timed in batches; their percentiles are then
 * of batch averages. The clock's own cost (an empty sample's median) is subtracted.
 *
 * <p>CPU time leaves out garbage collection done by other threads; the allocation column shows
 * what each operation leaves for the collector.
 */
final class CpuTimeHarness {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int WARM_UP_ROUNDS = 3;
  private static volatile int sink;

  /** One measured operation and its results. */
  record Result(String name, int ghosts, Histogram cpuNanos, long allocatedPerOp, int batch) {}

  /** What reading the thread's CPU clock costs per sample (median), subtracted from every sample. */
  static long clockOverheadNanos;

  private record Op(String name, int ghosts, Callable<Object> body) {}

  private CpuTimeHarness() {}

  static List<Result> run(List<Integer> ghostCounts, String include, int rounds, long sliceMillis) throws Exception {
    List<Op> ops = new ArrayList<>();
    for (int ghosts : ghostCounts) {
      StateCodecBenchmark b = new StateCodecBenchmark();
      b.ghosts = ghosts;
      b.setUp();
      Map<String, Callable<Object>> bodies = new LinkedHashMap<>();
      bodies.put("encodeProtobuf", b::encodeProtobuf);
      bodies.put("encodeJson", b::encodeJson);
      bodies.put("encodeProtobufDeflated", b::encodeProtobufDeflated);
      bodies.put("encodeJsonDeflated", b::encodeJsonDeflated);
      bodies.put("encodeProtobuf100View", b::encodeProtobuf100View);
      bodies.put("decodeProtobuf", b::decodeProtobuf);
      bodies.put("decodeJson", b::decodeJson);
      bodies.put("decodeProtobufDeflated", b::decodeProtobufDeflated);
      bodies.put("decodeJsonDeflated", b::decodeJsonDeflated);
      bodies.put("serializeProtobuf", b::serializeProtobuf);
      bodies.put("serializeJson", b::serializeJson);
      bodies.put("parseProtobuf", b::parseProtobuf);
      bodies.put("parseJson", b::parseJson);
      bodies.put("cohortEncodeProtobuf", b::cohortEncodeProtobuf);
      bodies.put("cohortEncodeJson", b::cohortEncodeJson);
      bodies.put("cohortForRecipientProtobuf", b::cohortForRecipientProtobuf);
      bodies.put("cohortForRecipientJson", b::cohortForRecipientJson);
      bodies.put("encodeProtobufReuse", b::encodeProtobufReuse);
      bodies.forEach((name, body) -> {
        if (name.matches(include)) {
          ops.add(new Op(name, ghosts, body));
        }
      });
    }
    clockOverheadNanos = calibrate();
    Map<Op, Integer> batches = new LinkedHashMap<>();
    for (Op op : ops) {
      batches.put(op, warmUpAndSizeBatch(op));
    }
    Map<Op, Histogram> cpu = new LinkedHashMap<>();
    Map<Op, long[]> allocation = new LinkedHashMap<>();
    ops.forEach(op -> {
      cpu.put(op, new Histogram(3_600_000_000_000L, 3));
      allocation.put(op, new long[2]);
    });
    List<Op> order = new ArrayList<>(ops);
    Random shuffle = new Random(7);
    for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
      Collections.shuffle(order, shuffle);
      for (Op op : order) {
        Histogram h = cpu.get(op);
        long[] a = allocation.get(op);
        measure(op, batches.get(op), sliceMillis, h, a, clockOverheadNanos);
        if (round < 0) { // warm-up round: let the JIT finish under the same load, then forget it
          h.reset();
          a[0] = 0;
          a[1] = 0;
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (Op op : ops) {
      long[] a = allocation.get(op);
      results.add(new Result(op.name(), op.ghosts(), cpu.get(op), a[1] == 0 ? 0 : a[0] / a[1], batches.get(op)));
    }
    return results;
  }

  /** The median CPU time of an empty sample: the clock's own cost. */
  private static long calibrate() throws Exception {
    Histogram empty = new Histogram(3_600_000_000_000L, 3);
    Op nothing = new Op("nothing", 0, () -> null);
    measure(nothing, 1, 500, empty, new long[2], 0);
    empty.reset();
    measure(nothing, 1, 500, empty, new long[2], 0);
    return empty.getValueAtPercentile(50);
  }

  /** Runs the operation for about a second and picks a batch size of about 20 µs of work. */
  private static int warmUpAndSizeBatch(Op op) throws Exception {
    long ops = 0;
    long start = THREADS.getCurrentThreadCpuTime();
    long end = System.nanoTime() + 1_000_000_000L;
    while (System.nanoTime() < end) {
      consume(op.body().call());
      ops++;
    }
    long perOp = Math.max(1, (THREADS.getCurrentThreadCpuTime() - start) / ops);
    return (int) Math.max(1, Math.min(1000, 20_000 / perOp));
  }

  private static void measure(Op op, int batch, long sliceMillis, Histogram cpu, long[] allocation, long overhead)
      throws Exception {
    long id = Thread.currentThread().getId();
    long end = System.nanoTime() + sliceMillis * 1_000_000L;
    while (System.nanoTime() < end) {
      long bytes = THREADS.getThreadAllocatedBytes(id);
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < batch; i++) {
        consume(op.body().call());
      }
      long t1 = THREADS.getCurrentThreadCpuTime();
      allocation[0] += THREADS.getThreadAllocatedBytes(id) - bytes;
      allocation[1] += batch;
      cpu.recordValue(Math.max(1, (t1 - t0 - overhead) / batch));
    }
  }

  private static void consume(Object result) {
    sink += System.identityHashCode(result);
  }
}
