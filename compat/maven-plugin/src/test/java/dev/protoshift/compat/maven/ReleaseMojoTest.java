package dev.protoshift.compat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseMojoTest {

  @TempDir
  Path dir;

  @Test
  void copyTree_protoFilesOnly_keepingTheirPlaces() throws IOException {
    Path proto = dir.resolve("src/main/proto");
    Files.createDirectories(proto.resolve("arena/v1"));
    Files.writeString(proto.resolve("arena/v1/arena.proto"), "syntax = \"proto3\";");
    Files.writeString(proto.resolve("arena/v1/README.md"), "notes");
    Path release = dir.resolve("src/main/proto-history/1.0.0");
    assertThat(ReleaseMojo.copyTree(proto, release)).isEqualTo(1);
    assertThat(release.resolve("arena/v1/arena.proto")).hasContent("syntax = \"proto3\";");
    assertThat(release.resolve("arena/v1/README.md")).doesNotExist();
    try (var left = Files.list(release.getParent())) {
      assertThat(left).containsExactly(release);
    }
  }

  @Test
  void copyTree_existingRelease_isNeverOverwritten() throws IOException {
    Path proto = Files.createDirectories(dir.resolve("proto"));
    Files.writeString(proto.resolve("a.proto"), "new");
    Path release = Files.createDirectories(dir.resolve("history/1.0.0"));
    Files.writeString(release.resolve("a.proto"), "frozen");
    assertThatThrownBy(() -> ReleaseMojo.copyTree(proto, release)).isInstanceOf(IOException.class);
    assertThat(release.resolve("a.proto")).hasContent("frozen");
    try (var left = Files.list(release.getParent())) {
      assertThat(left).containsExactly(release);
    }
  }
}
