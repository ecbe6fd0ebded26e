package dev.protoshift.compat.bench;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.ExtensionRegistry;
import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatConfig;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.DescriptorImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process diff of the synthetic schema ({@link SyntheticSchema}: 2,000 files, 50,000
 * fields, known edits): parsing both descriptor sets plus the check, and the check alone, with the
 * default rules (FILE) and with every category.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DiffBenchmark {

  private byte[] previousBytes;
  private byte[] currentBytes;
  private FileDescriptorSet previous;
  private FileDescriptorSet current;
  private final CompatConfig all = CompatConfig.defaults().withUse(List.of("FILE", "PACKAGE", "WIRE_JSON", "WIRE"));

  @Setup
  public void load() throws Exception {
    Path dir = Path.of(System.getProperty("protoshift.bench.dir", "target/bench"));
    if (!Files.exists(dir.resolve("current.binpb"))) {
      SyntheticSchema.write(dir);
    }
    previousBytes = Files.readAllBytes(dir.resolve("previous.binpb"));
    currentBytes = Files.readAllBytes(dir.resolve("current.binpb"));
    previous = FileDescriptorSet.parseFrom(previousBytes, ExtensionRegistry.getEmptyRegistry());
    current = FileDescriptorSet.parseFrom(currentBytes, ExtensionRegistry.getEmptyRegistry());
    int found = Compat.check(previous, current, CompatConfig.defaults()).breaking().size();
    if (found != SyntheticSchema.EXPECTED_FINDINGS) {
      throw new IllegalStateException("expected " + SyntheticSchema.EXPECTED_FINDINGS + " findings, found " + found);
    }
  }

  @Benchmark
  public CompatReport parseAndCheckDefaultRules() throws Exception {
    return Compat.check(FileDescriptorSet.parseFrom(previousBytes, ExtensionRegistry.getEmptyRegistry()),
        FileDescriptorSet.parseFrom(currentBytes, ExtensionRegistry.getEmptyRegistry()), CompatConfig.defaults());
  }

  /** What the CLI does: read both images, source code info kept serialized until needed. */
  @Benchmark
  public CompatReport readImagesAndCheckDefaultRules() {
    return Compat.check(DescriptorImage.parse(previousBytes), DescriptorImage.parse(currentBytes),
        CompatConfig.defaults());
  }

  @Benchmark
  public CompatReport checkDefaultRules() {
    return Compat.check(previous, current, CompatConfig.defaults());
  }

  @Benchmark
  public CompatReport checkAllCategories() {
    return Compat.check(previous, current, all);
  }
}
