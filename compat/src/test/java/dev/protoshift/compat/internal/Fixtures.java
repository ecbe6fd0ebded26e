package dev.protoshift.compat.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule fixtures under {@code src/test/resources/breaking/{previous,current}/<RULE_ID>/},
 * compiled once per test run: each side is one proto root, so one protoc run compiles every
 * rule's fixture (each fixture has its own package).
 */
public final class Fixtures {

  private static final Map<String, FileDescriptorSet> SETS = new ConcurrentHashMap<>();

  private Fixtures() {}

  /** The test resources folder {@code breaking/}. */
  public static Path root() {
    try {
      return Path.of(Fixtures.class.getResource("/breaking").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A compiler whose cache lives in the build directory. */
  public static ProtoCompiler compiler() {
    return new ProtoCompiler(Path.of("target", "protoshift-cache").toAbsolutePath());
  }

  /** The whole side ({@code previous} or {@code current}), every fixture in one set. */
  public static FileDescriptorSet side(String side) {
    return SETS.computeIfAbsent(side, s -> {
      try {
        return compiler().compile(root().resolve(s), List.of());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ProtoCompiler.CompileException e) {
        throw new IllegalStateException("fixtures do not compile: " + e.getMessage(), e);
      }
    });
  }

  /** One rule's fixture files of a side (plus the imports they need). */
  public static FileDescriptorSet rule(String side, String ruleId) {
    FileDescriptorSet all = side(side);
    FileDescriptorSet.Builder only = FileDescriptorSet.newBuilder();
    all.getFileList().stream()
        .filter(f -> f.getName().startsWith(ruleId + "/") || f.getName().startsWith("google/protobuf/"))
        .forEach(only::addFile);
    return only.build();
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
