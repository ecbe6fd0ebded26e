package dev.protoshift.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.FileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseHistoryCheckTest {

  @TempDir Path sources;
  @TempDir Path descriptors;

  @Test
  void check_consistentHistory_hasNoProblems() throws IOException {
    release("1.10.0");
    release("1.2.0");
    current(schema("1.10.0", "Ghost"));

    assertThat(problems()).isEmpty();
  }

  @Test
  void check_currentNewerThanHistory_passes() throws IOException {
    release("1.0.0");
    current(schema("1.1.0", "Ghost", "Waypoint"));

    assertThat(problems()).isEmpty();
  }

  @Test
  void check_frozenSchemaDeclaringAnotherVersion_isRejected() throws IOException {
    Files.createDirectories(sources.resolve("1.0.0"));
    write(descriptors.resolve("history/1.0.0.binpb"), schema("1.0.1", "Ghost"));
    current(schema("1.0.1", "Ghost"));

    assertThat(problems()).containsExactly("release 1.0.0 declares protocol_version [1.0.1], expected \"1.0.0\"");
  }

  @Test
  void check_currentOlderThanNewestRelease_isRejected() throws IOException {
    release("1.1.0");
    current(schema("1.0.9", "Ghost"));

    assertThat(problems()).containsExactly("the current schema declares 1.0.9, older than the newest release 1.1.0");
  }

  @Test
  void check_releasedSchemaEditedWithoutBump_isRejected() throws IOException {
    release("1.1.0");
    current(schema("1.1.0", "Ghost", "AddedAfterRelease"));

    assertThat(problems()).singleElement().asString()
        .contains("declares 1.1.0, which is released, but differs from release 1.1.0").contains("bump protocol_version");
  }

  @Test
  void check_currentWithoutDeclaredVersion_isRejected() throws IOException {
    release("1.0.0");
    current(FileDescriptorSet.newBuilder().addFile(FileDescriptorProto.newBuilder().setName("g.proto")).build());

    assertThat(problems()).singleElement().asString()
        .startsWith("the current schema must declare exactly one protocol_version").endsWith("found []");
  }

  /** The problems of the history written so far against the current schema written so far. */
  private java.util.List<String> problems() throws IOException {
    java.util.Map<String, FileDescriptorSet> sets = new java.util.TreeMap<>();
    try (var files = Files.list(descriptors.resolve("history"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".binpb")).toList()) {
        sets.put(f.getFileName().toString().replace(".binpb", ""), DescriptorSets.parse(Files.readAllBytes(f)));
      }
    }
    return ReleaseHistoryCheck.problems(ReleaseHistory.of("t", sets),
        DescriptorSets.parse(Files.readAllBytes(descriptors.resolve("descriptor.binpb"))));
  }

  private void release(String version) throws IOException {
    Files.createDirectories(sources.resolve(version));
    write(descriptors.resolve("history/" + version + ".binpb"), schema(version, "Ghost"));
  }

  private void current(FileDescriptorSet set) throws IOException {
    write(descriptors.resolve("descriptor.binpb"), set);
  }

  private static FileDescriptorSet schema(String version, String... messages) {
    FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName("g.proto").setSyntax("proto3")
        .setOptions(FileOptions.newBuilder().setExtension(ProtoshiftOptions.protocolVersion, version));
    for (String message : messages) {
      file.addMessageType(DescriptorProto.newBuilder().setName(message));
    }
    return FileDescriptorSet.newBuilder().addFile(file).build();
  }

  private static void write(Path path, FileDescriptorSet set) throws IOException {
    Files.createDirectories(path.getParent());
    Files.write(path, set.toByteArray());
  }
}
