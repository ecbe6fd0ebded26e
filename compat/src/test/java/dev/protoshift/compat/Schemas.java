package dev.protoshift.compat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protoshift.compat.internal.Fixtures;
import dev.protoshift.compat.internal.ProtoCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compiles small in-memory schemas for tests: file name -> .proto text. */
public final class Schemas {

  private Schemas() {}

  public static FileDescriptorSet compile(Map<String, String> files) {
    try {
      Path root = Files.createTempDirectory("protoshift-schema");
      for (var entry : files.entrySet()) {
        Path file = root.resolve(entry.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, entry.getValue());
      }
      return Fixtures.compiler().compile(root, List.of());
    } catch (IOException | ProtoCompiler.CompileException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One proto3 file {@code game.proto} in package {@code game}, declaring {@code version} if not null. */
  public static FileDescriptorSet game(String version, String body) {
    String header = "syntax = \"proto3\";\npackage game;\n"
        + (version == null ? "" : "import \"protoshift/options.proto\";\noption (protoshift.protocol_version) = \""
            + version + "\";\n");
    return compile(Map.of("game.proto", header + body, "protoshift/options.proto", OPTIONS));
  }

  static final String OPTIONS = """
      syntax = "proto3";
      package protoshift;
      import "google/protobuf/descriptor.proto";
      extend google.protobuf.FileOptions { string protocol_version = 51200; }
      """;
}
