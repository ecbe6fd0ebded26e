package dev.protoshift.compat.bench;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.ExtensionRegistry;
import dev.protoshift.compat.Compat;
import dev.protoshift.compat.CompatConfig;
import dev.protoshift.compat.CompatReport;
import dev.protoshift.compat.DescriptorImage;
import dev.protoshift.compat.internal.Differ;
import dev.protoshift.compat.internal.Linker;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process diff of the synthetic schema ({@link SyntheticSchema}: 2,000 files, 50,000
 * fields, known edits): parsing both descriptor sets plus the check, and the check alone, with the
 * default rules (FILE) and with every category; linking both sides as the CLI does. Each runs with
 * the fast path (files that are the same on both sides parsed once, linked once and skipped by the
 * rules) and without it ({@code fastPath=false}); the setup checks both find the same.
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
  private DescriptorImage previousImage;
  private DescriptorImage currentImage;
  private final CompatConfig all = CompatConfig.defaults().withUse(List.of("FILE", "PACKAGE", "WIRE_JSON", "WIRE"));

  /** Whether the check takes the fast path (each value runs in its own fork). */
  @Param({"true", "false"})
  public boolean fastPath;

  @Setup
  public void load() throws Exception {
    System.setProperty(Differ.FAST_PATH_PROPERTY, Boolean.toString(fastPath));
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
    previousImage = DescriptorImage.parse(previousBytes);
    currentImage = fastPath ? DescriptorImage.parse(currentBytes, previousImage) : DescriptorImage.parse(currentBytes);
    DescriptorImage before = DescriptorImage.parse(previousBytes);
    for (CompatConfig config : List.of(CompatConfig.defaults(), all)) {
      var fast = Differ.diff(before, DescriptorImage.parse(currentBytes, before), config.selectedRules(),
          Compat.CHECKED_FILES, Differ.PathIgnores.NONE, true);
      var full = Differ.diff(DescriptorImage.parse(previousBytes), DescriptorImage.parse(currentBytes),
          config.selectedRules(), Compat.CHECKED_FILES, Differ.PathIgnores.NONE, false);
      if (!fast.equals(full)) {
        throw new IllegalStateException("the fast path and the full path disagree on " + config.selectedRules());
      }
    }
  }

  @Benchmark
  public CompatReport parseAndCheckDefaultRules() throws Exception {
    return Compat.check(FileDescriptorSet.parseFrom(previousBytes, ExtensionRegistry.getEmptyRegistry()),
        FileDescriptorSet.parseFrom(currentBytes, ExtensionRegistry.getEmptyRegistry()), CompatConfig.defaults());
  }

  /**
   * What the CLI does besides linking: read both images (source code info kept serialized until
   * needed; on the fast path the current side shares the previous side's unchanged files), check.
   */
  @Benchmark
  public CompatReport readImagesAndCheckDefaultRules() {
    DescriptorImage before = DescriptorImage.parse(previousBytes);
    DescriptorImage after = fastPath ? DescriptorImage.parse(currentBytes, before) : DescriptorImage.parse(currentBytes);
    return Compat.check(before, after, CompatConfig.defaults());
  }

  /** What the CLI does beside the check: link both sides (the current one reusing the previous one's links). */
  @Benchmark
  public Linker.Linked linkBothSides() {
    Linker.Linked links = Linker.link(previousImage.files(), null);
    return Linker.link(currentImage.files(), fastPath ? links : null);
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
